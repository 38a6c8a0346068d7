package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.UUID;

/** Error bodies as each Microsoft service writes them. */
final class SimErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Graph's {@code innerError.date}: UTC, to the second, without a zone. */
    private static final DateTimeFormatter INNER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SimErrors() {
    }

    /** Microsoft Graph's OData error, with the {@code innerError} date and request id Graph adds. */
    static SimResponse graph(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        String requestId = UUID.randomUUID().toString();
        error.putObject("innerError").put("date", INNER_DATE.format(LocalDateTime.now(ZoneOffset.UTC)))
                .put("request-id", requestId).put("client-request-id", requestId);
        return SimResponse.json(status, body);
    }

    /**
     * SharePoint's "slow down": 429 with a plain-text body, as reported from live tenants
     * ({@code sp-429-throttled.txt}); the JSON {@code SPQueryThrottledException} is the list-view
     * threshold's refusal, which comes with 500.
     */
    static SimResponse sharePointThrottled() {
        return new SimResponse(429, "text/plain; charset=utf-8", "429 TOO MANY REQUESTS".getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    /** SharePoint REST's verbose-light error: {@code odata.error} with a code and a localised message. */
    static SimResponse sharePoint(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("odata.error").put("code", code).putObject("message").put("lang", "en-US").put("value", message);
        return SimResponse.json(status, body);
    }
}
