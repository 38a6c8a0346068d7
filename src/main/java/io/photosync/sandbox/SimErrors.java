package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Error bodies as each Microsoft service writes them. */
final class SimErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimErrors() {
    }

    /** Microsoft Graph's OData error, with the {@code innerError} date and request id Graph adds. */
    static SimResponse graph(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        error.putObject("innerError").put("date", Instant.now().toString()).put("request-id", UUID.randomUUID().toString());
        return SimResponse.json(status, body);
    }

    /** SharePoint REST's verbose-light error: {@code odata.error} with a code and a localised message. */
    static SimResponse sharePoint(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("odata.error").put("code", code).putObject("message").put("lang", "en-US").put("value", message);
        return SimResponse.json(status, body);
    }
}
