package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Entra ID's v2.0 token endpoint: the client-credentials grant with a certificate assertion (whose
 * signature is checked against the registered certificate) or a client secret. The tokens it
 * issues say how the app authenticated ({@code appidacr}: 1 secret, 2 certificate), as Entra's do.
 */
final class EntraEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final SimulatedTenant tenant;

    EntraEndpoint(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    SimResponse token(SimRequest request) {
        Map<String, String> form = SimRequest.parseQuery(request.bodyText());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", "AADSTS70003", "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
        }
        AppRegistration app = tenant.app(form.get("client_id"));
        if (app == null) {
            return error(400, "unauthorized_client", "AADSTS700016", "Application with identifier '" + form.get("client_id") + "' was not found in the directory.");
        }
        String method = authenticate(app, form, request.path());
        if (method.startsWith("AADSTS")) {
            return error(401, "invalid_client", method.substring(0, method.indexOf(' ')), method.substring(method.indexOf(' ') + 1));
        }
        String scope = resourceScope(form.getOrDefault("scope", ""));
        SimulatedTenant.Api api = tenant.apiForScope(scope);
        if (api == null) {
            return error(400, "invalid_resource", "AADSTS500011", "The resource principal named " + scope.replace("/.default", "") + " was not found in the tenant.");
        }
        JWTClaimsSet claims = TokenIssuer.claims(Duration.ofHours(1))
                .audience(scope.replace("/.default", ""))
                .issuer("https://sts.windows.net/" + tenant.tenantId() + "/")
                .claim("tid", tenant.tenantId())
                .claim("appid", app.clientId())
                .claim("appidacr", method)
                .claim("oid", "sp-" + app.clientId())
                .claim("roles", List.copyOf(app.roles(api)))
                .build();
        ObjectNode body = MAPPER.createObjectNode()
                .put("token_type", "Bearer").put("expires_in", 3599).put("ext_expires_in", 3599)
                .put("access_token", tenant.entraIssuer().sign(claims));
        return SimResponse.json(200, body);
    }

    /** The one resource scope of a request; msal4j adds the OpenID scopes, which Entra ignores here. */
    private static String resourceScope(String scopes) {
        for (String scope : scopes.split(" ")) {
            if (!scope.isBlank() && !List.of("openid", "profile", "offline_access").contains(scope)) {
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
        if (app.certificate() == null) {
            return "AADSTS700027 No certificate is registered for the app.";
        }
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) app.certificate().getPublicKey()))) {
                return "AADSTS700027 Client assertion failed signature validation.";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean audienceOk = claims.getAudience().stream().anyMatch(aud -> aud.endsWith(path));
            boolean subjectOk = app.clientId().equals(claims.getSubject()) && app.clientId().equals(claims.getIssuer());
            boolean current = claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now());
            if (!audienceOk || !subjectOk || !current) {
                return "AADSTS700027 Client assertion contains an invalid audience, subject or lifetime.";
            }
            return "2";
        } catch (ParseException | JOSEException e) {
            return "AADSTS50027 Invalid JWT token: " + e.getMessage();
        }
    }

    private static SimResponse error(int status, String error, String code, String description) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("error", error)
                .put("error_description", code + ": " + description)
                .put("timestamp", Instant.now().toString())
                .put("trace_id", java.util.UUID.randomUUID().toString());
        body.putArray("error_codes").add(Integer.parseInt(code.substring(6)));
        return SimResponse.json(status, body);
    }
}
