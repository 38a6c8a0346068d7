package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the simulated tenant. */
record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static SimResponse bytes(String contentType, byte[] body) {
        return new SimResponse(200, contentType, body, new LinkedHashMap<>());
    }

    /** A text answer: a page, or the plain-text error some Microsoft services give instead of their JSON. */
    static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, null, new byte[0], new LinkedHashMap<>());
    }

    SimResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new SimResponse(status, contentType, body, all);
    }
}
