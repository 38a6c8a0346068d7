package io.photosync.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to the simulated tenant, independent of the server that received it, so that
 * {@code $batch} can dispatch its sub-requests through the same handlers.
 *
 * @param method the HTTP method
 * @param path the decoded path
 * @param query the decoded query parameters
 * @param headers the request headers, names lower-cased
 * @param body the request body
 */
record SimRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    static SimRequest of(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        return new SimRequest(method, decode(rawPath), parseQuery(rawQuery), headers, body);
    }

    /** The same request at another path (the router's name for a path on one of the tenant's hosts). */
    SimRequest withPath(String routedPath) {
        return new SimRequest(method, routedPath, query, headers, body);
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    String bearerToken() {
        String authorization = header("authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The path below a prefix, or null when the path does not start with it. */
    String below(String prefix) {
        return path.startsWith(prefix) ? path.substring(prefix.length()) : null;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(decode(name), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
