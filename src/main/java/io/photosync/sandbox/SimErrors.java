package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Error bodies as each Microsoft service writes them. */
final class SimErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Graph's {@code innerError.date}: UTC, to the second, without a zone. */
    /** Entra's {@code timestamp}: UTC, to the second, a space before the time. */
    private static final DateTimeFormatter ENTRA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
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
        return SimResponse.text(429, "text/plain; charset=utf-8", "429 TOO MANY REQUESTS");
    }

    /** SharePoint REST's verbose-light error: {@code odata.error} with a code and a localised message. */
    static SimResponse sharePoint(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("odata.error").put("code", code).putObject("message").put("lang", "en-US").put("value", message);
        return SimResponse.json(status, body);
    }

    /** Entra's answer to a token request for a tenant that does not exist. */
    static SimResponse entraUnknownTenant(String tenant) {
        return entra(400, "invalid_tenant", "AADSTS90002", "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID "
                + "and are signing into the correct cloud.");
    }

    static SimResponse entra(int status, String error, String code, String description) {
        return SimResponse.json(status, entraBody(error, code, description));
    }

    /**
     * Entra's error, as its answers carry it: the description ends with the trace and correlation
     * ids and the time, each on its own {@code \r\n} line, and the same ids and an {@code error_uri}
     * come as fields.
     */
    static ObjectNode entraBody(String error, String code, String description) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = ENTRA_TIMESTAMP.format(LocalDateTime.now(ZoneOffset.UTC)) + "Z";
        int number = Integer.parseInt(code.substring(6));
        ObjectNode body = MAPPER.createObjectNode()
                .put("error", error)
                .put("error_description", code + ": " + description + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                        + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(number);
        body.put("timestamp", timestamp).put("trace_id", trace).put("correlation_id", correlation)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + number);
        return body;
    }
}
