package io.photosync.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/** The Bot Framework channel's signing key, and the tokens it signs for a bot — genuine, or forged one of the ways a test needs. */
final class ChannelTokens {

    /**
     * One key for the whole process, as the Bot Framework's keys outlive any bot: a PhotoSync that
     * restarts (or a second replica) finds the channel's key where it was, and the SDK's key cache
     * (per metadata URL, process-wide) stays true.
     */
    private static final TokenIssuer ISSUER = new TokenIssuer();

    private final TokenIssuer issuer = ISSUER;

    TokenIssuer issuer() {
        return issuer;
    }

    /**
     * @param serviceUrl the connector the token vouches for; @param tenantId the tenant a wrong issuer names
     * @param issuedAs the Bot Framework's issuer in this cloud
     */
    String mint(String botAppId, Forgery forgery, String serviceUrl, String tenantId, String issuedAs) {
        JWTClaimsSet.Builder claims = TokenIssuer.claims(forgery == Forgery.EXPIRED ? Duration.ofMinutes(-10) : Duration.ofHours(1))
                .issuer(forgery == Forgery.WRONG_ISSUER ? "https://sts.windows.net/" + tenantId + "/" : issuedAs)
                .audience(forgery == Forgery.WRONG_AUDIENCE ? UUID.randomUUID().toString() : botAppId);
        if (forgery != Forgery.NO_SERVICE_URL) {
            claims.claim("serviceurl", forgery == Forgery.WRONG_SERVICE_URL ? "https://smba.trafficmanager.net/emea/" : serviceUrl);
        }
        if (forgery == Forgery.EXPIRED) {
            claims.issueTime(new Date(System.currentTimeMillis() - Duration.ofMinutes(70).toMillis()))
                    .notBeforeTime(new Date(System.currentTimeMillis() - Duration.ofMinutes(70).toMillis()));
        }
        if (forgery == Forgery.NOT_YET_VALID) {
            // Beyond the five minutes of clock skew validators allow.
            claims.notBeforeTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(10).toMillis()));
        }
        return switch (forgery) {
            case BAD_SIGNATURE -> issuer.signForged(claims.build());
            case UNKNOWN_KEY -> issuer.signUnknownKey(claims.build());
            case ALG_NONE -> issuer.unsigned(claims.build());
            case HS256_WITH_PUBLIC_KEY -> issuer.signHmacWithPublicKey(claims.build());
            default -> issuer.sign(claims.build());
        };
    }
}
