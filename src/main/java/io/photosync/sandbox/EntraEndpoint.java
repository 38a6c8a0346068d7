package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Entra ID's v2.0 endpoints for one tenant: the token endpoint (client credentials, on-behalf-of,
 * authorization code with PKCE), the authorize endpoint with its sign-in-and-consent page, and the
 * OpenID metadata with the signing keys. Clients authenticate with a certificate assertion (whose
 * signature is checked against the registered certificate) or a client secret; the tokens say how
 * ({@code appidacr}: 1 secret, 2 certificate), as Entra's do.
 */
final class EntraEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String ON_BEHALF_OF = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final List<String> OPENID_SCOPES = List.of("openid", "profile", "offline_access", "email");
    private static final Duration DELEGATED_LIFETIME = Duration.ofHours(1);

    private final SimIdentity identity;
    private final SimDirectory directory;
    private final AuthorizationCodes codes;

    EntraEndpoint(SimIdentity identity, SimDirectory directory, AuthorizationCodes codes) {
        this.identity = identity;
        this.directory = directory;
        this.codes = codes;
    }

    SimResponse token(SimRequest request) {
        Map<String, String> form = SimRequest.parseQuery(request.bodyText());
        String grant = String.valueOf(form.get("grant_type"));
        if (!List.of("client_credentials", ON_BEHALF_OF, "authorization_code").contains(grant)) {
            return SimErrors.entra(400, "unsupported_grant_type", "AADSTS70003", "The app requested an unsupported grant type '" + grant + "'.");
        }
        AppRegistration app = identity.app(form.get("client_id"));
        if (app == null) {
            return SimErrors.entra(400, "unauthorized_client", "AADSTS700016", "Application with identifier '" + form.get("client_id") + "' was not found in the directory.");
        }
        String method = authenticate(app, form, request.path());
        if (method.startsWith("AADSTS")) {
            return SimErrors.entra(401, "invalid_client", method.substring(0, method.indexOf(' ')), method.substring(method.indexOf(' ') + 1));
        }
        String scope = resourceScope(form.getOrDefault("scope", ""));
        Api api = identity.apiForScope(scope);
        if (api == null) {
            return SimErrors.entra(400, "invalid_resource", "AADSTS500011", "The resource principal named " + scope.replace("/.default", "") + " was not found in the tenant.");
        }
        return switch (grant) {
            case "client_credentials" -> appToken(app, method, api, identity.resourceForScope(scope));
            case ON_BEHALF_OF -> onBehalfOf(app, method, api, identity.resourceForScope(scope), form);
            default -> redeemCode(app, method, api, identity.resourceForScope(scope), form);
        };
    }

    private SimResponse appToken(AppRegistration app, String method, Api api, String resource) {
        JWTClaimsSet claims = TokenIssuer.claims(Duration.ofHours(1))
                .audience(resource)
                .issuer(identity.v1Issuer())
                .claim("tid", identity.tenantId())
                .claim("appid", app.clientId())
                .claim("appidacr", method)
                .claim("oid", "sp-" + app.clientId())
                .claim("idtyp", "app")
                .claim("roles", List.copyOf(app.roles(api)))
                .build();
        ObjectNode body = MAPPER.createObjectNode()
                .put("token_type", "Bearer").put("expires_in", 3599).put("ext_expires_in", 3599)
                .put("access_token", identity.entraIssuer().sign(claims));
        return SimResponse.json(200, body);
    }

    /**
     * The on-behalf-of flow: the assertion must be a token this tenant issued, still valid, whose
     * audience is the calling app; the user must have consented (or an admin for them).
     */
    private SimResponse onBehalfOf(AppRegistration app, String method, Api api, String resource, Map<String, String> form) {
        if (!"on_behalf_of".equals(form.get("requested_token_use"))) {
            return SimErrors.entra(400, "invalid_request", "AADSTS900144", "The request body must contain the following parameter: 'requested_token_use'.");
        }
        Optional<JWTClaimsSet> signed = identity.entraIssuer().verifySignature(form.get("assertion"));
        if (signed.isEmpty() || !identity.tenantId().equals(signed.get().getClaim("tid"))) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS50013", "Assertion failed signature validation.");
        }
        JWTClaimsSet assertion = signed.get();
        if (!TokenIssuer.current(assertion)) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS500133", "Assertion is not within its valid time range.");
        }
        if (assertion.getAudience().stream().noneMatch(app::isAudience)) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS50013", "Assertion audience does not match the Client app presenting the assertion.");
        }
        SimUser user = directory.findUser(String.valueOf(assertion.getClaim("oid")));
        if (user == null) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS50034", "The user account does not exist in the directory.");
        }
        if (!app.hasConsented(user.id())) {
            ObjectNode body = SimErrors.entraBody("invalid_grant", "AADSTS65001", "The user or administrator has not consented to use the application with ID '"
                    + app.clientId() + "' named 'PhotoSync'. Send an interactive authorization request for this user and resource.");
            body.put("suberror", "consent_required");
            return SimResponse.json(400, body);
        }
        if (user.secondFactorDue()) {
            ObjectNode body = SimErrors.entraBody("invalid_grant", "AADSTS50076", "Due to a configuration change made by your administrator, "
                    + "or because you moved to a new location, you must use multi-factor authentication to access '" + resource + "'.");
            body.put("suberror", "basic_action");
            return SimResponse.json(400, body);
        }
        return userTokens(app, method, api, resource, user, false, form.getOrDefault("scope", "").contains("offline_access"));
    }

    private SimResponse redeemCode(AppRegistration app, String method, Api api, String resource, Map<String, String> form) {
        AuthorizationCodes.PendingCode code = codes.redeem(String.valueOf(form.get("code")));
        if (code == null || code.expires().isBefore(Instant.now()) || !code.clientId().equalsIgnoreCase(app.clientId())) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS70008", "The provided authorization code or refresh token has expired or was already used.");
        }
        if (!code.redirectUri().equals(form.get("redirect_uri"))) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS50148", "The redirect_uri does not match the one the authorization code was requested with.");
        }
        if (!code.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
            return SimErrors.entra(400, "invalid_grant", "AADSTS501481", "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        }
        app.consent(code.userId());
        SimUser user = directory.user(code.userId());
        user.secondFactorGiven();
        return userTokens(app, method, api, resource, user, true, true);
    }

    /**
     * A delegated access token for one API, with the user's identity and the consented scopes in
     * {@code scp}; an ID token for a sign-in (an on-behalf-of answer has none), and a refresh token
     * only when {@code offline_access} was asked for, as Entra documents.
     */
    private SimResponse userTokens(AppRegistration app, String method, Api api, String resource, SimUser user, boolean signIn, boolean offline) {
        Duration lifetime = DELEGATED_LIFETIME;
        JWTClaimsSet access = TokenIssuer.claims(lifetime)
                .audience(resource)
                .issuer(identity.v1Issuer())
                .subject(user.id())
                .claim("tid", identity.tenantId())
                .claim("oid", user.id())
                .claim("upn", user.userPrincipalName())
                .claim("name", user.displayName())
                .claim("appid", app.clientId())
                .claim("appidacr", method)
                .claim("idtyp", "user")
                .claim("scp", String.join(" ", app.scopes(api)))
                .build();
        JWTClaimsSet id = TokenIssuer.claims(lifetime)
                .audience(app.clientId())
                .issuer(identity.v2Issuer())
                .subject(user.id())
                .claim("tid", identity.tenantId())
                .claim("oid", user.id())
                .claim("preferred_username", user.userPrincipalName())
                .claim("name", user.displayName())
                .claim("ver", "2.0")
                .build();
        ObjectNode body = MAPPER.createObjectNode()
                .put("token_type", "Bearer")
                .put("scope", String.join(" ", app.scopes(api).stream().map(s -> resource + "/" + s).toList()))
                .put("expires_in", Math.max(0, lifetime.toSeconds() - 1)).put("ext_expires_in", Math.max(0, lifetime.toSeconds() - 1))
                .put("access_token", identity.entraIssuer().sign(access));
        if (signIn) {
            body.put("id_token", identity.entraIssuer().sign(id));
        }
        if (offline) {
            body.put("refresh_token", "sim-rt-" + UUID.randomUUID());
        }
        return SimResponse.json(200, body);
    }

    // --- client authentication ---

    /** The one resource scope of a request; msal4j adds the OpenID scopes, which Entra ignores here. */
    private static String resourceScope(String scopes) {
        for (String scope : scopes.split(" ")) {
            if (!scope.isBlank() && !OPENID_SCOPES.contains(scope)) {
                return scope;
            }
        }
        return "";
    }

    /** "2" for a certificate, "1" for a secret, or an AADSTS error text. */
    private static String authenticate(AppRegistration app, Map<String, String> form, String path) {
        if (ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            return checkAssertion(app, form.get("client_assertion"), path);
        }
        String secret = form.get("client_secret");
        if (secret != null && app.secret() != null && app.secret().equals(secret)) {
            return "1";
        }
        return "AADSTS7000215 Invalid client secret provided.";
    }

    private static String checkAssertion(AppRegistration app, String assertion, String path) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (app.certificate() == null || !jwt.verify(new RSASSAVerifier((RSAPublicKey) app.certificate().getPublicKey()))) {
                return "AADSTS700027 The certificate with identifier used to sign the client assertion is not registered on application. "
                        + "[Reason - The key was not found., Thumbprint of key used by client: '" + thumbprint(jwt) + "', "
                        + "Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '" + app.clientId() + "'.]";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean audienceOk = claims.getAudience().stream().anyMatch(aud -> aud.endsWith(path));
            boolean subjectOk = app.clientId().equals(claims.getSubject()) && app.clientId().equals(claims.getIssuer());
            if (!audienceOk || !subjectOk || !TokenIssuer.current(claims)) {
                return "AADSTS700027 Client assertion contains an invalid audience, subject or lifetime.";
            }
            return "2";
        } catch (ParseException | JOSEException e) {
            return "AADSTS50027 Invalid JWT token: " + e.getMessage();
        }
    }

    /** The thumbprint the assertion's header names ({@code x5t#S256} or {@code x5t}), in hex as Entra prints it. */
    private static String thumbprint(SignedJWT jwt) {
        var named = jwt.getHeader().getX509CertSHA256Thumbprint() != null ? jwt.getHeader().getX509CertSHA256Thumbprint() : jwt.getHeader().getX509CertThumbprint();
        return named == null ? "" : HexFormat.of().withUpperCase().formatHex(named.decode());
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
