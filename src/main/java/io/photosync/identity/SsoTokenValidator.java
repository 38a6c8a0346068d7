package io.photosync.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Checks a Teams SSO token before PhotoSync spends it on an on-behalf-of exchange: signed by one
 * of the tenant's published keys (RS256), issued by our tenant (v1 or v2 issuer), for our app
 * (the app id or {@code api://botid-{appId}}), within its lifetime, and for the person who sent
 * the activity. The reasons it gives never contain the token.
 */
final class SsoTokenValidator {

    /** Entra rotates keys a few times a year; an unknown key id refreshes the set, at most this often. */
    private static final Duration MIN_REFRESH = Duration.ofMinutes(5);
    private static final Duration KEYS_LIFETIME = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** A token that must not be used, and why (safe to log and to show). */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }

    private final OkHttpClient http;
    private final String keysUrl;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final String tenantId;
    private final Clock clock;
    private volatile JWKSet keys;
    private volatile Instant keysFetched = Instant.EPOCH;

    SsoTokenValidator(OkHttpClient http, EntraProperties entra, String appId, Clock clock) {
        String host = entra.authorityHost().replaceAll("/+$", "");
        this.http = http;
        this.keysUrl = host + "/" + entra.tenantId() + "/discovery/v2.0/keys";
        this.issuers = Set.of(host + "/" + entra.tenantId() + "/v2.0", "https://sts.windows.net/" + entra.tenantId() + "/");
        this.audiences = Set.of(appId.toLowerCase(), ("api://botid-" + appId).toLowerCase());
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
        String keyId = jwt.getHeader().getKeyID();
        JWK key = keyFor(keyId, false);
        if (key == null) {
            key = keyFor(keyId, true);
        }
        if (!(key instanceof RSAKey rsa)) {
            return false;
        }
        try {
            return jwt.verify(new RSASSAVerifier(rsa));
        } catch (JOSEException e) {
            return false;
        }
    }

    private JWK keyFor(String keyId, boolean refresh) throws Rejected {
        Instant now = clock.instant();
        boolean stale = keys == null || keysFetched.plus(KEYS_LIFETIME).isBefore(now);
        boolean mayRefresh = keysFetched.plus(MIN_REFRESH).isBefore(now);
        if (stale || (refresh && mayRefresh)) {
            keys = fetchKeys();
            keysFetched = now;
        }
        return keyId == null || keys == null ? null : keys.getKeyByKeyId(keyId);
    }

    private JWKSet fetchKeys() throws Rejected {
        try (Response response = http.newCall(new Request.Builder().url(keysUrl).get().build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new Rejected("the tenant's signing keys could not be read (HTTP " + response.code() + ")");
            }
            return JWKSet.parse(response.body().string());
        } catch (IOException | ParseException e) {
            throw new Rejected("the tenant's signing keys could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
