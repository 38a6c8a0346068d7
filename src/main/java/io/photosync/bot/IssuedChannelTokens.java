package io.photosync.bot;

import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.photosync.identity.SigningKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Channel tokens from an issuer other than the Bot Framework's, as single-tenant bots have been
 * seen receiving (Entra's {@code https://sts.windows.net/{tenant}/} or
 * {@code https://login.microsoftonline.com/{tenant}/v2.0}): RS256, signed by a key the issuer's
 * OpenID metadata publishes, that issuer exactly, our bot's app id as audience, within the
 * lifetime (five minutes of clock skew). Such keys endorse no channel, so the activity's service URL
 * must be the one the token names or, when it names none, on a configured host.
 */
final class IssuedChannelTokens {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final String issuer;
    private final String botAppId;
    private final SigningKeys keys;
    private final Clock clock;

    IssuedChannelTokens(String issuer, String openIdMetadataUrl, String botAppId, OkHttpClient http, Clock clock) {
        this.issuer = issuer;
        this.botAppId = botAppId;
        this.keys = SigningKeys.fromMetadata(http, openIdMetadataUrl, clock);
        this.clock = clock;
    }

    /** The token's claims, when every check passes; empty otherwise (the caller answers 401). */
    Optional<ClaimsIdentity> validate(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.rsaKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            Date notBefore = claims.getNotBeforeTime();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(botAppId)
                    || expires == null || expires.toInstant().plus(CLOCK_SKEW).isBefore(now)
                    || (notBefore != null && notBefore.toInstant().minus(CLOCK_SKEW).isAfter(now))) {
                return Optional.empty();
            }
            Map<String, String> named = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> named.put(name, String.valueOf(value)));
            return Optional.of(new ClaimsIdentity(issuer, named));
        } catch (ParseException | JOSEException | SigningKeys.Unreadable | RuntimeException e) {
            return Optional.empty();
        }
    }
}
