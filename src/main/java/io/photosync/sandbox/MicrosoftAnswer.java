package io.photosync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An answer Microsoft was recorded, reported or documented giving, for the simulated tenant to give
 * instead of its own ({@link SimulatedTenant#replay}): how tests feed the real clients the real
 * answers of {@code ../shared/microsoft-responses}.
 *
 * @param status the HTTP status
 * @param headers the headers as recorded, {@code Content-Type} among them
 * @param body the body's bytes, as sent
 */
public record MicrosoftAnswer(int status, Map<String, String> headers, byte[] body) {

    /** How the recorded body travelled (chunked, gzip, kept alive): the simulator's server frames the replay itself. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive");

    public MicrosoftAnswer {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    public static MicrosoftAnswer of(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new MicrosoftAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    SimResponse asResponse() {
        String contentType = null;
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else if (!FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                others.put(header.getKey(), header.getValue());
            }
        }
        return new SimResponse(status, contentType, body.clone(), others);
    }
}
