package io.photosync.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An issuer's published signing keys, by key id: read from a {@code jwks_uri} (given, or found in
 * the issuer's OpenID metadata), kept a day, and read again for an unknown key id at most every
 * five minutes, so a rotated key is found and a stream of made-up key ids costs nothing.
 */
public final class SigningKeys {

    private static final Duration MIN_REFRESH = Duration.ofMinutes(5);
    private static final Duration KEYS_LIFETIME = Duration.ofHours(24);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The keys could not be read; the reason is safe to log. */
    public static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    private final OkHttpClient http;
    private final String metadataUrl;
    private final Clock clock;
    private volatile String keysUrl;
    private volatile JWKSet keys;
    private volatile Instant keysFetched = Instant.EPOCH;

    private SigningKeys(OkHttpClient http, String keysUrl, String metadataUrl, Clock clock) {
        this.http = http;
        this.keysUrl = keysUrl;
        this.metadataUrl = metadataUrl;
        this.clock = clock;
    }

    public static SigningKeys at(OkHttpClient http, String keysUrl, Clock clock) {
        return new SigningKeys(http, keysUrl, null, clock);
    }

    /** The keys the issuer's OpenID metadata names in its {@code jwks_uri}. */
    public static SigningKeys fromMetadata(OkHttpClient http, String metadataUrl, Clock clock) {
        return new SigningKeys(http, null, metadataUrl, clock);
    }

    /** The RSA key with this id, reading the keys again (rate-limited) when it is not among them. */
    public Optional<RSAKey> rsaKey(String keyId) throws Unreadable {
        JWK key = keyFor(keyId, false);
        if (key == null) {
            key = keyFor(keyId, true);
        }
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }

    private JWK keyFor(String keyId, boolean refresh) throws Unreadable {
        Instant now = clock.instant();
        boolean stale = keys == null || keysFetched.plus(KEYS_LIFETIME).isBefore(now);
        boolean mayRefresh = keysFetched.plus(MIN_REFRESH).isBefore(now);
        if (stale || (refresh && mayRefresh)) {
            keysFetched = now;
            keys = keySet(read(keysUrl()));
        }
        return keyId == null || keys == null ? null : keys.getKeyByKeyId(keyId);
    }

    private String keysUrl() throws Unreadable {
        if (keysUrl == null) {
            try {
                JsonNode metadata = MAPPER.readTree(read(metadataUrl));
                String uri = metadata.path("jwks_uri").asText("");
                if (!uri.startsWith("https://") && !uri.startsWith("http://")) {
                    throw new Unreadable("the OpenID metadata names no jwks_uri");
                }
                keysUrl = uri;
            } catch (IOException e) {
                throw new Unreadable("the OpenID metadata is not JSON");
            }
        }
        return keysUrl;
    }

    private static JWKSet keySet(String json) throws Unreadable {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new Unreadable("the signing keys are not a JWK set");
        }
    }

    private String read(String url) throws Unreadable {
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new Unreadable("the signing keys could not be read (HTTP " + response.code() + ")");
            }
            return response.body().string();
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("the signing keys could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
