package io.photosync.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes between Entra's sign-in page and its token endpoint: each redeemed once, within ten minutes. */
final class AuthorizationCodes {

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** An authorization code waiting to be redeemed, once, by the app it was issued to. */
    record PendingCode(String clientId, String userId, String redirectUri, String challenge, String scope, Instant expires) {
    }

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

    String issue(String clientId, String userId, String redirectUri, String challenge, String scope) {
        String code = "sim-code-" + UUID.randomUUID();
        codes.put(code, new PendingCode(clientId, userId, redirectUri, challenge, scope, Instant.now().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code's request, taken so it cannot be used again; null when unknown. */
    PendingCode redeem(String code) {
        return codes.remove(code);
    }
}
