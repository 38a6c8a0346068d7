package io.photosync.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Decides who may talk to {@code /api/messages}, in two steps around reading the body:
 * {@link #caller} checks the Bot Framework channel token from the header alone (signature, issuer,
 * audience, lifetime), so an unauthenticated request costs no body; {@link #admit} then checks the
 * activity against it (the signing key endorses the activity's channel, the token's
 * {@code serviceurl} claim is the activity's service URL). Validated here rather than in the
 * adapter, the turn runs on the request's own thread instead of the SDK's small shared pool.
 *
 * <p>Tokens are accepted from the configured issuers only ({@code photosync.bot.channel-issuers},
 * the Bot Framework's by default): the Bot Framework's of the public and the US government clouds
 * are checked by the SDK against its OpenID metadata; any other issuer's (21Vianet's Bot Framework,
 * Entra's for some single-tenant bots) by {@link IssuedChannelTokens}.
 *
 * <p>Without a bot app id (sandbox mode) there is no token: the caller is anonymous and only a
 * loopback service URL is accepted, so the bot never sends to a host someone named in a request.
 */
final class ChannelAuthentication {

    private static final Logger log = LoggerFactory.getLogger(ChannelAuthentication.class);
    private static final ObjectMapper HEADER_READER = new ObjectMapper();

    private final SimpleCredentialProvider credentials;
    private final AuthenticationConfiguration configuration = new AuthenticationConfiguration();
    private final String openIdMetadataUrl;
    private final boolean anonymous;
    private final boolean botFrameworkAccepted;
    private final UsGovernmentChannelTokens usGovernment;
    private final Map<String, IssuedChannelTokens> otherIssuers;
    private final Set<String> serviceUrlHosts;
    private final Set<String> issuersSeen = ConcurrentHashMap.newKeySet();

    /** @param openIdMetadataUrl where the channel's signing keys are published; null or blank keeps the SDK's (Microsoft's) */
    ChannelAuthentication(String botAppId, String openIdMetadataUrl) {
        this(botAppId, openIdMetadataUrl, ChannelIssuers.BOT_FRAMEWORK_ONLY, null);
    }

    /**
     * @param issuers the accepted issuers and where each publishes its keys
     * @param http how other issuers' keys are read; unused when only the Bot Framework's are accepted
     */
    ChannelAuthentication(String botAppId, String openIdMetadataUrl, ChannelIssuers issuers, OkHttpClient http) {
        this.anonymous = botAppId == null || botAppId.isBlank();
        this.credentials = new SimpleCredentialProvider(botAppId, null);
        this.openIdMetadataUrl = openIdMetadataUrl == null || openIdMetadataUrl.isBlank() ? null : openIdMetadataUrl;
        this.botFrameworkAccepted = issuers.acceptsBotFramework();
        this.usGovernment = issuers.acceptsUsGovernment() ? new UsGovernmentChannelTokens(this.openIdMetadataUrl) : null;
        this.otherIssuers = new LinkedHashMap<>();
        issuers.others().forEach((issuer, metadata) -> otherIssuers.put(issuer, new IssuedChannelTokens(issuer, metadata, botAppId, http, Clock.systemUTC())));
        this.serviceUrlHosts = issuers.serviceUrlHosts();
    }

    /** The caller the header proves, before anything of the body is read; refused with 401 otherwise. */
    ClaimsIdentity caller(String authorization) {
        if (anonymous) {
            return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() > 16 * 1024) {
            throw new RefusedRequest(HttpStatus.UNAUTHORIZED, "A Bot Framework channel token is required.");
        }
        String token = authorization.substring(7).trim();
        if (!signedWithAKey(token)) {
            throw new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.");
        }
        IssuedChannelTokens other = otherIssuers.get(String.valueOf(unverifiedClaim(token, "iss")));
        if (other != null) {
            return seen(other.validate(token).orElseThrow(() -> new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.")));
        }
        if (usGovernment(token)) {
            // The SDK checks a US government token against a service URL only: its own, until admit() has the activity's.
            String named = unverifiedClaim(token, "serviceurl");
            return seen(validated(() -> usGovernment.authenticate(authorization, credentials, named == null ? "" : named, null, configuration).join()));
        }
        if (!botFrameworkAccepted) {
            throw new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.");
        }
        return seen(validated(() -> ChannelValidation.authenticateToken(authorization, credentials, null, configuration).join()));
    }

    /** A token the US government clouds' Bot Framework says it issued, when that issuer is accepted. */
    private boolean usGovernment(String token) {
        return usGovernment != null && ChannelIssuers.BOT_FRAMEWORK_US_GOVERNMENT.equals(unverifiedClaim(token, "iss"));
    }

    /** The first token of each issuer is logged (the preflight's recording points here): which issuer this deployment really sees. */
    private ClaimsIdentity seen(ClaimsIdentity identity) {
        if (identity.getIssuer() != null && issuersSeen.add(identity.getIssuer())) {
            log.info("channel tokens issued by {} accepted", identity.getIssuer());
        }
        return identity;
    }

    /** A text claim of a token not yet verified ({@code iss} only to choose whose keys verify it); null when it has none or is no token. */
    private static String unverifiedClaim(String token, String name) {
        try {
            JsonNode claims = HEADER_READER.readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]));
            return claims != null && claims.path(name).isTextual() ? claims.path(name).asText() : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /**
     * Three parts, and a header that is a JSON object naming RS256 and a key id: the only tokens
     * the channel issues. Anything else is refused here, before the SDK would look a key up (and
     * log, for every such request, that there is none).
     */
    static boolean signedWithAKey(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return false;
        }
        try {
            JsonNode header = HEADER_READER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            return header != null && header.isObject() && "RS256".equals(header.path("alg").asText()) && header.path("kid").isTextual()
                    && !header.path("kid").asText().isBlank();
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Refuses an activity its caller may not send: another channel's key, another service URL, none at all. */
    void admit(Activity activity, String authorization) {
        String serviceUrl = activity.getServiceUrl();
        if (serviceUrl == null || serviceUrl.isBlank()) {
            throw new RefusedRequest(anonymous ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN, "The activity has no serviceUrl.");
        }
        if (anonymous) {
            if (!loopback(serviceUrl)) {
                throw new RefusedRequest(HttpStatus.FORBIDDEN, "In sandbox mode the serviceUrl must be on this machine.");
            }
            return;
        }
        String token = authorization == null ? "" : authorization.substring(Math.min(7, authorization.length())).trim();
        IssuedChannelTokens other = otherIssuers.get(String.valueOf(unverifiedClaim(token, "iss")));
        if (other != null) {
            admitFromOtherIssuer(other.validate(token).orElseThrow(() -> new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.")),
                    serviceUrl);
            return;
        }
        if (usGovernment(token)) {
            validated(() -> usGovernment.authenticate(authorization, credentials, serviceUrl, activity.getChannelId(), configuration).join());
            return;
        }
        validated(() -> ChannelValidation.authenticateToken(authorization, credentials, activity.getChannelId(), serviceUrl, configuration).join());
    }

    /** The service URL the token names, or, when it names none, one on a configured host (https only). */
    private void admitFromOtherIssuer(ClaimsIdentity identity, String serviceUrl) {
        String named = identity.claims().get("serviceurl");
        boolean allowed;
        if (named != null) {
            allowed = trimmed(named).equalsIgnoreCase(trimmed(serviceUrl));
        } else {
            try {
                URI uri = new URI(serviceUrl.strip());
                allowed = uri.getHost() != null && uri.getUserInfo() == null
                        && serviceUrlHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))
                        && ("https".equalsIgnoreCase(uri.getScheme()) || loopback(serviceUrl));
            } catch (URISyntaxException e) {
                allowed = false;
            }
        }
        if (!allowed) {
            throw new RefusedRequest(HttpStatus.FORBIDDEN, "The channel token does not vouch for this serviceUrl.");
        }
    }

    private static String trimmed(String url) {
        return url.strip().replaceAll("/+$", "");
    }

    private ClaimsIdentity validated(Supplier<ClaimsIdentity> validation) {
        // The SDK keeps the URL in a static field. One bot per JVM never changes it; where there
        // are several (the tests start some), each puts its own back before it validates.
        if (openIdMetadataUrl != null && !openIdMetadataUrl.equals(ChannelValidation.getOpenIdMetaDataUrl())) {
            ChannelValidation.setOpenIdMetaDataUrl(openIdMetadataUrl);
        }
        try {
            ClaimsIdentity identity = validation.get();
            if (identity == null || !identity.isAuthenticated()) {
                throw new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.");
            }
            return identity;
        } catch (RefusedRequest refused) {
            throw refused;
        } catch (RuntimeException invalid) {
            // Whatever the SDK or the JWT library threw (AuthenticationException, a token that is
            // not a JWT, a header that is not JSON, an unknown key): the caller is not who it says.
            log.debug("channel token refused: {}", rootMessage(invalid));
            throw new RefusedRequest(HttpStatus.UNAUTHORIZED, "The channel token is not valid.");
        }
    }

    /** A service URL on this machine: the Agents Playground's, the simulated connector's. */
    static boolean loopback(String serviceUrl) {
        try {
            URI uri = new URI(serviceUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getUserInfo() != null) {
                return false;
            }
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (bare.equalsIgnoreCase("localhost")) {
                return true;
            }
            // Only literal addresses: a name is not resolved, so a request cannot make us look one up.
            return bare.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (URISyntaxException | UnknownHostException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
