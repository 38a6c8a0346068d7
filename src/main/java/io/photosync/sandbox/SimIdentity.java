package io.photosync.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who the tenant is and what it trusts: its id, the hosts of its APIs, the app registrations and
 * their permissions, and the Entra signing key that issues and checks every access token.
 */
final class SimIdentity {

    /** The Teams desktop and mobile client, which asks Entra for SSO tokens on the bot's behalf. */
    static final String TEAMS_CLIENT_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    static final String MY_SITE_PREFIX = "/sp-my";
    static final String ADMIN_PREFIX = "/sp-admin";

    private final String tenantId = "5f1c7a2e-0d4b-4e36-9a51-3c8e2b7d9f10";
    private final TokenIssuer entraIssuer = new TokenIssuer();
    private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
    private final Supplier<String> baseUrl;
    private final SimHosts hosts;

    /**
     * @param baseUrl the HTTPS origin on {@code localhost}, known once the server listens
     * @param hosts the names the tenant answers on besides {@code localhost}
     */
    SimIdentity(Supplier<String> baseUrl, SimHosts hosts) {
        this.baseUrl = baseUrl;
        this.hosts = hosts;
    }

    SimHosts hosts() {
        return hosts;
    }

    String tenantId() {
        return tenantId;
    }

    String baseUrl() {
        return baseUrl.get();
    }

    /** The host URL of one SharePoint host of the central geo ({@link Api#SHAREPOINT_MY} or {@link Api#SHAREPOINT_ADMIN}). */
    String sharePointHost(Api api) {
        return sharePointHost(api, hosts.central());
    }

    String sharePointHost(Api api, SimHosts.SharePointGeo geo) {
        return switch (api) {
            case SHAREPOINT_MY -> geo.mySite() == null ? baseUrl() + MY_SITE_PREFIX : origin(geo.mySite());
            case SHAREPOINT_ADMIN -> geo.admin() == null ? baseUrl() + ADMIN_PREFIX : origin(geo.admin());
            default -> throw new IllegalArgumentException(api + " is not a SharePoint host");
        };
    }

    /** Where the My Site host's server-relative paths start: below {@code /sp-my} on {@code localhost}, at the root of a host of its own. */
    String mySitePath(SimHosts.SharePointGeo geo) {
        return geo.mySite() == null ? MY_SITE_PREFIX : "";
    }

    /** The scheme, host and port of the My Site host: what a server-relative path is appended to. */
    String mySiteOrigin(SimHosts.SharePointGeo geo) {
        return geo.mySite() == null ? baseUrl() : origin(geo.mySite());
    }

    /** Entra ID's origin: the authority host. */
    String entraOrigin() {
        return hosts.entra() == null ? baseUrl() : origin(hosts.entra());
    }

    /** Graph's root, without the version: {@code https://localhost:PORT/graph} or {@code https://graph.microsoft.us:PORT}. */
    String graphRoot() {
        return hosts.graph() == null ? baseUrl() + "/graph" : origin(hosts.graph());
    }

    /** The URL of a Graph path below {@code /v1.0} ({@code GraphEndpoint.PREFIX}) or {@code /beta}, as Graph writes its links. */
    String graphUrl(String prefixedPath) {
        return graphRoot() + prefixedPath.substring("/graph".length());
    }

    /** A host of this tenant, on the server's port. */
    private String origin(String host) {
        return "https://" + host + ":" + URI.create(baseUrl()).getPort();
    }

    /**
     * The path as the router knows it (Graph below {@code /graph}, each geo's SharePoint below its
     * prefix) for a request addressed to {@code host}; null when the host is none of this tenant's.
     */
    String routedPath(String host, String path) {
        if (host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1")) {
            return path;
        }
        if (host.equalsIgnoreCase(hosts.entra())) {
            return path;
        }
        if (host.equalsIgnoreCase(hosts.graph())) {
            return "/graph" + path;
        }
        for (int index = 0; index < hosts.geos().size(); index++) {
            SimHosts.SharePointGeo geo = hosts.geos().get(index);
            if (host.equalsIgnoreCase(geo.mySite())) {
                return geoPrefix(MY_SITE_PREFIX, index) + path;
            }
            if (host.equalsIgnoreCase(geo.admin())) {
                return geoPrefix(ADMIN_PREFIX, index) + path;
            }
        }
        return null;
    }

    /** The router's prefix of a geo's host: {@code /sp-my} for the central geo, {@code /sp-my-2} for the second. */
    static String geoPrefix(String prefix, int geo) {
        return geo == 0 ? prefix : prefix + "-" + (geo + 1);
    }

    TokenIssuer entraIssuer() {
        return entraIssuer;
    }

    /** Registers an app with a certificate and/or secret and the permissions PhotoSync documents. */
    void registerApp(String clientId, X509Certificate certificate, String secret) {
        AppRegistration app = new AppRegistration(clientId, certificate, secret, Set.of());
        app.grant(Api.GRAPH, "User.Read.All");
        app.grant(Api.GRAPH, "ProfilePhoto.Read.All");
        app.grant(Api.GRAPH, "GroupMember.Read.All");
        app.grant(Api.GRAPH, "PeopleSettings.Read.All");
        app.grant(Api.GRAPH, "ProfilePhoto.ReadWrite.All");
        app.grant(Api.SHAREPOINT_MY, "Sites.FullControl.All");
        app.grant(Api.SHAREPOINT_MY, "User.ReadWrite.All");
        app.grant(Api.SHAREPOINT_ADMIN, "Sites.FullControl.All");
        app.grant(Api.SHAREPOINT_ADMIN, "User.ReadWrite.All");
        app.grantDelegated(Api.GRAPH, "User.Read");
        app.grantDelegated(Api.GRAPH, "ProfilePhoto.ReadWrite.All");
        app.grantDelegated(Api.SHAREPOINT_MY, "User.ReadWrite.All");
        apps.put(clientId.toLowerCase(), app);
    }

    AppRegistration app(String clientId) {
        return clientId == null ? null : apps.get(clientId.toLowerCase());
    }

    Api apiForScope(String scope) {
        String resource = scope.replace("/.default", "").replaceAll("/+$", "");
        for (Api api : List.of(Api.GRAPH, Api.BOT_CONNECTOR)) {
            if (resource.equalsIgnoreCase(resourceOf(api))) {
                return api;
            }
        }
        for (SimHosts.SharePointGeo geo : hosts.geos()) {
            for (Api api : List.of(Api.SHAREPOINT_MY, Api.SHAREPOINT_ADMIN)) {
                if (resource.equalsIgnoreCase(sharePointHost(api, geo))) {
                    return api;
                }
            }
        }
        return null;
    }

    /** The resource a scope names, as this tenant writes it (the audience of its tokens); null when it is none of this tenant's. */
    String resourceForScope(String scope) {
        String resource = scope.replace("/.default", "").replaceAll("/+$", "");
        Api api = apiForScope(scope);
        if (api == Api.SHAREPOINT_MY || api == Api.SHAREPOINT_ADMIN) {
            for (SimHosts.SharePointGeo geo : hosts.geos()) {
                if (resource.equalsIgnoreCase(sharePointHost(api, geo))) {
                    return sharePointHost(api, geo);
                }
            }
        }
        return api == null ? null : resourceOf(api);
    }

    String resourceOf(Api api) {
        return switch (api) {
            case GRAPH -> graphRoot();
            case SHAREPOINT_MY, SHAREPOINT_ADMIN -> sharePointHost(api);
            case BOT_CONNECTOR -> hosts.botFramework();
            case SHAREPOINT -> throw new IllegalArgumentException("SHAREPOINT names the metering, not a resource");
        };
    }

    /** The claims of a valid Entra access token for this API in the request, if there is one. */
    Optional<JWTClaimsSet> accessTokenFor(SimRequest request, Api api) {
        return accessTokenFor(request, resourceOf(api));
    }

    /** The same, for a token whose audience is this resource (one geo's SharePoint host). */
    Optional<JWTClaimsSet> accessTokenFor(SimRequest request, String resource) {
        return entraIssuer.verify(request.bearerToken())
                .filter(claims -> claims.getAudience().contains(resource))
                .filter(claims -> tenantId.equals(claims.getClaim("tid")));
    }

    static Set<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        if (roles instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /**
     * A Teams SSO token for {@code user}: audience the bot's app id, the object id in {@code oid},
     * scope {@code access_as_user}, v2.0 issuer of this tenant; or one of the ways it can be wrong.
     */
    String ssoToken(SimUser user, String botAppId, SsoToken kind) {
        boolean otherTenant = kind == SsoToken.OTHER_TENANT;
        String tenant = otherTenant ? "0b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9" : tenantId;
        JWTClaimsSet claims = TokenIssuer.claims(kind == SsoToken.EXPIRED ? Duration.ofMinutes(-10) : Duration.ofHours(1))
                .audience(kind == SsoToken.OTHER_AUDIENCE ? "api://botid-" + UUID.randomUUID() : botAppId)
                .issuer(entraOrigin() + "/" + tenant + "/v2.0")
                .subject(user.id())
                .claim("tid", tenant)
                .claim("oid", user.id())
                .claim("preferred_username", user.userPrincipalName())
                .claim("name", user.displayName())
                .claim("azp", TEAMS_CLIENT_ID)
                .claim("scp", "access_as_user")
                .claim("ver", "2.0")
                .claim("roles", user.appRoles().isEmpty() ? null : List.copyOf(user.appRoles()))
                .build();
        return kind == SsoToken.FORGED_SIGNATURE || otherTenant ? entraIssuer.signForged(claims) : entraIssuer.sign(claims);
    }

    /** A channel token signed with the tenant's own keys (see {@link SimulatedTenant#channelTokenFromEntra}). */
    String channelToken(String botAppId, String serviceUrl, Forgery forgery) {
        JWTClaimsSet.Builder claims = TokenIssuer.claims(forgery == Forgery.EXPIRED ? Duration.ofMinutes(-10) : Duration.ofHours(1))
                .issuer(v2Issuer())
                .audience(forgery == Forgery.WRONG_AUDIENCE ? UUID.randomUUID().toString() : botAppId)
                .claim("tid", tenantId)
                .claim("ver", "2.0");
        if (serviceUrl != null) {
            claims.claim("serviceurl", serviceUrl);
        }
        if (forgery == Forgery.EXPIRED) {
            claims.issueTime(new Date(System.currentTimeMillis() - Duration.ofMinutes(70).toMillis()))
                    .notBeforeTime(new Date(System.currentTimeMillis() - Duration.ofMinutes(70).toMillis()));
        }
        return forgery == Forgery.BAD_SIGNATURE ? entraIssuer.signForged(claims.build()) : entraIssuer.sign(claims.build());
    }

    /** The issuer of v1.0 access tokens, as Entra writes it. */
    String v1Issuer() {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    /** The issuer of v2.0 tokens and of the OpenID metadata. */
    String v2Issuer() {
        return entraOrigin() + "/" + tenantId + "/v2.0";
    }
}
