package io.photosync.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A Microsoft 365 tenant on loopback: Entra ID, Microsoft Graph and SharePoint Online on one HTTPS
 * server with a certificate made at start, and a Bot Connector on plain HTTP. Start it with
 * {@link #start(Options)}; close it to stop both servers.
 */
public final class SimulatedTenant implements AutoCloseable {

    /** The APIs a token can be issued for; SHAREPOINT names the metering shared by both SharePoint hosts. */
    public enum Api { GRAPH, SHAREPOINT, SHAREPOINT_MY, SHAREPOINT_ADMIN, BOT_CONNECTOR }

    /** A Teams SSO token as Teams would hand it over, or one of the ways such a token can be wrong. */
    public enum SsoToken { VALID, OTHER_AUDIENCE, EXPIRED, OTHER_TENANT, FORGED_SIGNATURE }

    /** The Teams desktop and mobile client, which asks Entra for SSO tokens on the bot's behalf. */
    public static final String TEAMS_CLIENT_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";

    /**
     * One call the tenant received, kept so tests can check what was sent (never the body).
     *
     * @param receivedNanos when it arrived, on {@link System#nanoTime()}'s clock
     */
    public record ReceivedRequest(String method, String path, String userAgent, long receivedNanos) {
    }

    /**
     * How to start a tenant.
     *
     * @param port the HTTPS port; 0 picks a free one
     * @param connectorPort the Bot Connector's HTTP port; 0 picks a free one
     * @param latency the delay added to every Microsoft 365 call
     * @param photoFolder the folder in {@code User Photos} (localised tenants name it differently)
     */
    public record Options(int port, int connectorPort, Duration latency, String photoFolder) {

        public static Options defaults() {
            return new Options(0, 0, Duration.ZERO, "Profile Pictures");
        }

        public Options withPorts(int port, int connectorPort) {
            return new Options(port, connectorPort, latency, photoFolder);
        }

        public Options withLatency(Duration latency) {
            return new Options(port, connectorPort, latency, photoFolder);
        }
    }

    static final String BOT_FRAMEWORK_RESOURCE = "https://api.botframework.com";
    private static final String MY_SITE_PREFIX = "/sp-my";
    private static final String ADMIN_PREFIX = "/sp-admin";
    private static final int REQUEST_LOG_LIMIT = 10_000;

    private final String tenantId = "5f1c7a2e-0d4b-4e36-9a51-3c8e2b7d9f10";
    private final Pki.Identity tls = Pki.selfSigned("localhost");
    private final TokenIssuer entraIssuer = new TokenIssuer();
    private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
    private final Map<String, SimUser> usersByKey = new ConcurrentHashMap<>();
    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, SimGroup> groups = new LinkedHashMap<>();
    private final Faults faults = new Faults();
    private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final SimSharePoint sharePoint;
    private final EntraEndpoint entra;
    private final GraphEndpoint graph;
    private final SharePointEndpoint sharePointEndpoint;
    private final SimServer server;
    private final SimulatedBotConnector connector;
    private volatile Duration latency;
    private volatile String photoPolicySource = "cloud";
    private volatile List<String> photoPolicyAllowedRoles = List.of();

    private SimulatedTenant(Options options) {
        this.latency = options.latency();
        this.sharePoint = new SimSharePoint(MY_SITE_PREFIX + "/User Photos/" + options.photoFolder());
        this.entra = new EntraEndpoint(this);
        this.graph = new GraphEndpoint(this);
        this.sharePointEndpoint = new SharePointEndpoint(this, sharePoint);
        this.server = SimServer.https(options.port(), tls.serverTls(), this::route);
        this.connector = new SimulatedBotConnector(this, options.connectorPort());
        Personas.seed(this);
    }

    /** Starts a tenant seeded with the sandbox personas ({@link Personas}). */
    public static SimulatedTenant start(Options options) {
        return new SimulatedTenant(options);
    }

    // --- what clients are configured with ---

    public String tenantId() {
        return tenantId;
    }

    /** The HTTPS origin, e.g. {@code https://localhost:9443}; also the Entra authority host. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public String graphBaseUrl() {
        return baseUrl() + GraphEndpoint.PREFIX;
    }

    /** The host URL of one SharePoint host ({@link Api#SHAREPOINT_MY} or {@link Api#SHAREPOINT_ADMIN}). */
    public String sharePointHost(Api api) {
        return switch (api) {
            case SHAREPOINT_MY -> baseUrl() + MY_SITE_PREFIX;
            case SHAREPOINT_ADMIN -> baseUrl() + ADMIN_PREFIX;
            default -> throw new IllegalArgumentException(api + " is not a SharePoint host");
        };
    }

    /** The PEM certificate of the HTTPS server, for clients that should trust this tenant. */
    public String tlsCertificatePem() {
        return Pki.pem(tls.certificate());
    }

    public SimulatedBotConnector botConnector() {
        return connector;
    }

    // --- directory and state ---

    /** Registers an app with a certificate and/or secret and the permissions PhotoSync documents. */
    public void registerApp(String clientId, X509Certificate certificate, String secret) {
        AppRegistration app = new AppRegistration(clientId, certificate, secret, Set.of());
        app.grant(Api.GRAPH, "User.Read.All");
        app.grant(Api.GRAPH, "ProfilePhoto.Read.All");
        app.grant(Api.GRAPH, "GroupMember.Read.All");
        app.grant(Api.GRAPH, "PeopleSettings.Read.All");
        app.grant(Api.SHAREPOINT_MY, "Sites.FullControl.All");
        app.grant(Api.SHAREPOINT_MY, "User.ReadWrite.All");
        app.grant(Api.SHAREPOINT_ADMIN, "Sites.FullControl.All");
        app.grant(Api.SHAREPOINT_ADMIN, "User.ReadWrite.All");
        app.grantDelegated(Api.GRAPH, "User.Read");
        app.grantDelegated(Api.SHAREPOINT_MY, "User.ReadWrite.All");
        apps.put(clientId.toLowerCase(), app);
    }

    /**
     * The token Teams gets for a signed-in user when the bot's OAuth card asks for one (the
     * {@code token} of a {@code signin/tokenExchange} invoke): audience the bot's app id, the
     * user's object id in {@code oid}, scope {@code access_as_user}, v2.0 issuer of this tenant.
     */
    public String ssoToken(String userId, String botAppId, SsoToken kind) {
        SimUser user = user(userId);
        boolean otherTenant = kind == SsoToken.OTHER_TENANT;
        String tenant = otherTenant ? "0b1d2c3e-4f50-4617-8293-a4b5c6d7e8f9" : tenantId;
        JWTClaimsSet claims = TokenIssuer.claims(kind == SsoToken.EXPIRED ? Duration.ofMinutes(-10) : Duration.ofHours(1))
                .audience(kind == SsoToken.OTHER_AUDIENCE ? "api://botid-" + UUID.randomUUID() : botAppId)
                .issuer(baseUrl() + "/" + tenant + "/v2.0")
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

    /** The user has not consented to the app yet: on-behalf-of answers {@code AADSTS65001} until they do. */
    public void requireConsent(String clientId, String userId) {
        apps.get(clientId.toLowerCase()).requireConsent(userId);
    }

    public boolean hasConsented(String clientId, String userId) {
        return apps.get(clientId.toLowerCase()).hasConsented(userId);
    }

    /**
     * The tenant's photo policy (Graph {@code photoUpdateSettings}): {@code cloud} or {@code onPremises},
     * and the directory role template ids that may change photos (empty: everyone their own).
     */
    public void setPhotoPolicy(String source, List<String> allowedRoles) {
        this.photoPolicySource = source;
        this.photoPolicyAllowedRoles = List.copyOf(allowedRoles);
    }

    String photoPolicySource() {
        return photoPolicySource;
    }

    List<String> photoPolicyAllowedRoles() {
        return photoPolicyAllowedRoles;
    }

    /** How long delegated (user) access tokens live; short lifetimes let tests see expiry. */
    public void setDelegatedTokenLifetime(Duration lifetime) {
        entra.setDelegatedLifetime(lifetime);
    }

    /** The OpenID metadata URL of the tenant's v2.0 endpoints (issuer, keys, authorize and token endpoints). */
    public String openIdConfigurationUrl() {
        return baseUrl() + "/" + tenantId + "/v2.0/.well-known/openid-configuration";
    }

    /**
     * Registers an app as {@link #registerApp} does, with a new certificate (and the secret, if not
     * null); writes the certificate with its key to an owner-only PEM file in {@code directory}.
     */
    public Path registerAppWithNewCertificate(String clientId, String secret, Path directory) {
        Pki.Identity identity = Pki.selfSigned("PhotoSync test app " + clientId);
        registerApp(clientId, identity.certificate(), secret);
        return Pki.writePrivate(directory, "app-" + clientId + ".pem", identity.pem());
    }

    /** Writes this tenant's TLS certificate (PEM) to {@code directory}, for {@code photosync.http.trusted-certificate-path}. */
    public Path writeTlsCertificate(Path directory) {
        return Pki.writePrivate(directory, "tenant-tls.pem", tlsCertificatePem());
    }

    /** Withdraws an application permission, as an admin removing consent would. */
    public void revoke(String clientId, Api api, String role) {
        apps.get(clientId.toLowerCase()).revoke(api, role);
    }

    public void grant(String clientId, Api api, String role) {
        apps.get(clientId.toLowerCase()).grant(api, role);
    }

    public synchronized SimUser addUser(String id, String userPrincipalName, String displayName, boolean guest) {
        SimUser user = new SimUser(id, userPrincipalName, displayName, guest);
        users.put(id, user);
        usersByKey.put(id.toLowerCase(), user);
        usersByKey.put(userPrincipalName.toLowerCase(), user);
        return user;
    }

    public synchronized Collection<SimUser> users() {
        return List.copyOf(users.values());
    }

    /** A user by object id or UPN, case-insensitively; null when unknown. */
    public SimUser findUser(String idOrUpn) {
        return idOrUpn == null ? null : usersByKey.get(idOrUpn.toLowerCase());
    }

    public SimUser user(String idOrUpn) {
        SimUser user = findUser(idOrUpn);
        if (user == null) {
            throw new IllegalArgumentException("no simulated user " + idOrUpn);
        }
        return user;
    }

    public synchronized SimGroup addGroup(String id, String displayName) {
        SimGroup group = new SimGroup(id, displayName);
        groups.put(id.toLowerCase(), group);
        return group;
    }

    public synchronized List<SimGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** A group by object id, case-insensitively; null when unknown. */
    public synchronized SimGroup findGroup(String id) {
        return id == null ? null : groups.get(id.toLowerCase());
    }

    /**
     * Puts a picture in a person's SharePoint profile as if they had set it there (renditions,
     * {@code PictureURL}, placeholder off), without going through PhotoSync: for tests that need
     * SharePoint to show something Microsoft 365 no longer has, or had earlier.
     */
    public void showInSharePoint(String userPrincipalName, BufferedImage image) {
        Map<String, String> profile = sharePoint.profile(SimSharePoint.accountName(userPrincipalName));
        if (profile == null) {
            throw new IllegalArgumentException("no SharePoint profile for " + userPrincipalName);
        }
        sharePointEndpoint.showPicture(profile, userPrincipalName, image);
    }

    public SimSharePoint sharePoint() {
        return sharePoint;
    }

    // --- behaviour knobs ---

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** The next {@code times} calls to the API answer 429 with this {@code Retry-After}. */
    public void throttle(Api api, int times, Duration retryAfter) {
        faults.inject(api, 429, times, retryAfter);
    }

    /** The next {@code times} calls to the API answer 503 Server Too Busy with this {@code Retry-After}. */
    public void overload(Api api, int times, Duration retryAfter) {
        faults.inject(api, 503, times, retryAfter);
    }

    /** How many injected answers of {@link #throttle} or {@link #overload} are still to come. */
    public int pendingThrottles(Api api) {
        return faults.pending(api);
    }

    /** SharePoint's per-app budget in resource units per minute (reads cost 1, writes 2); 0 = unlimited. */
    public void setSharePointBudget(int unitsPerMinute) {
        faults.setSharePointBudget(unitsPerMinute);
    }

    /** Every call received so far, oldest first (at most the last 10,000). */
    public List<ReceivedRequest> receivedRequests() {
        return List.copyOf(received);
    }

    public void clearReceivedRequests() {
        received.clear();
    }

    /** How many calls each service ("graph", "sharepoint", "entra") received since the last reset; for benchmarks, which make more than the log keeps. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** SharePoint's metering since the last reset: resource units charged, and calls refused for the budget (429). */
    public record SharePointMetering(long unitsCharged, long refusals) {
    }

    public SharePointMetering sharePointMetering() {
        return faults.sharePointMetering();
    }

    public void resetCounts() {
        requestCounts.clear();
        faults.resetMetering();
    }

    // --- used by the endpoints ---

    AppRegistration app(String clientId) {
        return clientId == null ? null : apps.get(clientId.toLowerCase());
    }

    TokenIssuer entraIssuer() {
        return entraIssuer;
    }

    Api apiForScope(String scope) {
        String resource = scope.replace("/.default", "").replaceAll("/+$", "");
        for (Api api : List.of(Api.GRAPH, Api.SHAREPOINT_MY, Api.SHAREPOINT_ADMIN, Api.BOT_CONNECTOR)) {
            if (resource.equalsIgnoreCase(resourceOf(api))) {
                return api;
            }
        }
        return null;
    }

    String resourceOf(Api api) {
        return switch (api) {
            case GRAPH -> baseUrl() + "/graph";
            case SHAREPOINT_MY, SHAREPOINT_ADMIN -> sharePointHost(api);
            case BOT_CONNECTOR -> BOT_FRAMEWORK_RESOURCE;
            case SHAREPOINT -> throw new IllegalArgumentException("SHAREPOINT names the metering, not a resource");
        };
    }

    /** The claims of a valid Entra access token for this API in the request, if there is one. */
    Optional<JWTClaimsSet> accessTokenFor(SimRequest request, Api api) {
        return entraIssuer.verify(request.bearerToken())
                .filter(claims -> claims.getAudience().contains(resourceOf(api)))
                .filter(claims -> tenantId.equals(claims.getClaim("tid")));
    }

    static Set<String> roles(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        if (roles instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }



    Optional<SimResponse> injectedFault(Api api) {
        return faults.injected(api);
    }

    Optional<SimResponse> spendSharePointBudget(String appId, int cost) {
        return faults.spendSharePointBudget(appId, cost);
    }

    void pauseForLatency() {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void record(SimRequest request) {
        String path = request.path();
        String kind = path.startsWith(GraphEndpoint.PREFIX) ? "graph" : path.startsWith(MY_SITE_PREFIX) || path.startsWith(ADMIN_PREFIX) ? "sharepoint" : "entra";
        requestCounts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        received.addLast(new ReceivedRequest(request.method(), request.path(), request.header("user-agent"), System.nanoTime()));
        while (received.size() > REQUEST_LOG_LIMIT) {
            received.pollFirst();
        }
    }

    private SimResponse route(SimRequest request) {
        record(request);
        pauseForLatency();
        String path = request.path();
        if ("POST".equals(request.method()) && path.equals("/" + tenantId + "/oauth2/v2.0/token")) {
            return entra.token(request);
        }
        if ("POST".equals(request.method()) && path.matches("/[^/]+/oauth2/v2\\.0/token")) {
            String unknown = path.substring(1, path.indexOf("/oauth2"));
            return EntraEndpoint.unknownTenant(unknown);
        }
        if (path.equals("/" + tenantId + "/oauth2/v2.0/authorize")) {
            return "POST".equals(request.method()) ? entra.authorizeDecision(request) : entra.authorizePage(request);
        }
        if (path.equals("/" + tenantId + "/v2.0/.well-known/openid-configuration")) {
            return entra.openIdConfiguration();
        }
        if (path.equals("/" + tenantId + "/discovery/v2.0/keys")) {
            return entra.keys();
        }
        String below;
        if ((below = request.below(GraphEndpoint.PREFIX)) != null) {
            return graph.handle(request, below);
        }
        if ((below = request.below(GraphEndpoint.BETA_PREFIX)) != null) {
            return graph.handleBeta(request, below);
        }
        if ((below = request.below(MY_SITE_PREFIX + "/")) != null) {
            return sharePointEndpoint.handle(request, Api.SHAREPOINT_MY, MY_SITE_PREFIX, "/" + below);
        }
        if ((below = request.below(ADMIN_PREFIX + "/")) != null) {
            return sharePointEndpoint.handle(request, Api.SHAREPOINT_ADMIN, ADMIN_PREFIX, "/" + below);
        }
        return GraphEndpoint.error(404, "NotFound", "The simulated tenant does not serve " + path + ".");
    }

    @Override
    public void close() {
        server.close();
        connector.close();
    }

}
