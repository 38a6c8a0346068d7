package io.photosync.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Checks a Teams SSO token before PhotoSync spends it on an on-behalf-of exchange: signed by one
 * of the tenant's published keys (RS256), issued by our tenant (v1 or v2 issuer), for our app
 * (the app id, {@code api://botid-{appId}}, or {@code api://{fqdn}/botid-{appId}} when a tab shares the
 * registration), within its lifetime, and for the person who sent
 * the activity. The reasons it gives never contain the token.
 */
final class SsoTokenValidator {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** A token that must not be used, and why (safe to log and to show). */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }

    private final SigningKeys keys;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final String tenantId;
    private final Clock clock;

    /** @param publicUrl the service's HTTPS origin: a Teams app whose tab shares the registration names it in {@code api://{fqdn}/botid-{appId}} */
    SsoTokenValidator(OkHttpClient http, EntraProperties entra, String appId, String publicUrl, Clock clock) {
        String host = entra.authorityHost().replaceAll("/+$", "");
        this.keys = SigningKeys.at(http, host + "/" + entra.tenantId() + "/discovery/v2.0/keys", clock);
        // v1.0 tokens name Entra's security token service: 21Vianet's has its own host.
        String v1 = host.endsWith(".cn") ? "https://sts.chinacloudapi.cn/" : "https://sts.windows.net/";
        this.issuers = Set.of(host + "/" + entra.tenantId() + "/v2.0", v1 + entra.tenantId() + "/");
        String fqdn = publicUrl == null || publicUrl.isBlank() ? null : URI.create(publicUrl.strip()).getHost();
        this.audiences = fqdn == null ? Set.of(appId.toLowerCase(), ("api://botid-" + appId).toLowerCase())
                : Set.of(appId.toLowerCase(), ("api://botid-" + appId).toLowerCase(), ("api://" + fqdn + "/botid-" + appId).toLowerCase());
        this.tenantId = entra.tenantId();
        this.clock = clock;
    }

    /** The token's claims when every check passes. */
    JWTClaimsSet validate(String token, String expectedObjectId) throws Rejected {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | NullPointerException e) {
            throw new Rejected("the SSO token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected("the SSO token is not signed with RS256");
        }
        if (!verify(jwt)) {
            throw new Rejected("the SSO token's signature does not match any of the tenant's keys");
        }
        if (!tenantId.equalsIgnoreCase(String.valueOf(claims.getClaim("tid"))) || !issuers.contains(claims.getIssuer())) {
            throw new Rejected("the SSO token was issued by another tenant or issuer");
        }
        if (claims.getAudience().stream().map(String::toLowerCase).noneMatch(audiences::contains)) {
            throw new Rejected("the SSO token is for another application (audience " + claims.getAudience() + ")");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw new Rejected("the SSO token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new Rejected("the SSO token is not valid yet");
        }
        if (expectedObjectId == null || !expectedObjectId.equalsIgnoreCase(String.valueOf(claims.getClaim("oid")))) {
            throw new Rejected("the SSO token belongs to someone other than the sender");
        }
        return claims;
    }

    private boolean verify(SignedJWT jwt) throws Rejected {
        try {
            Optional<RSAKey> key = keys.rsaKey(jwt.getHeader().getKeyID());
            return key.isPresent() && jwt.verify(new RSASSAVerifier(key.get()));
        } catch (SigningKeys.Unreadable e) {
            throw new Rejected("the tenant's " + e.getMessage());
        } catch (JOSEException e) {
            return false;
        }
    }
}
