package io.photosync.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Makes every Graph error answer one the SDK can read. Graph has answered a missing photo size 404
 * with an empty {@code text/plain} body, and a gateway in front of it answers in HTML; the SDK
 * then throws {@code UnsupportedOperationException} instead of an {@code ApiException} with the
 * status, and nothing downstream can tell a 404 from a crash. An error whose body is not a JSON
 * object with an {@code error} is given one, with code {@code ""} and the status, content type and
 * the start of the text as its message; every other answer passes untouched.
 */
final class ErrorBodies implements Interceptor {

    /** Enough for any OData error Graph writes; a larger error body is not one. */
    private static final int LARGEST_READ = 64 * 1024;
    private static final int MESSAGE_LENGTH = 200;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() < 400 || response.body() == null) {
            return response;
        }
        String contentType = response.header("Content-Type", "");
        byte[] body = response.peekBody(LARGEST_READ).bytes();
        if (isODataError(contentType, body)) {
            return response;
        }
        response.close();
        String replacement = MAPPER.createObjectNode().set("error", MAPPER.createObjectNode()
                .put("code", "")
                .put("message", describe(response.code(), contentType, body))).toString();
        return response.newBuilder()
                .removeHeader("Content-Length")
                .header("Content-Type", JSON.toString())
                .body(ResponseBody.create(replacement, JSON))
                .build();
    }

    private static boolean isODataError(String contentType, byte[] body) {
        if (!contentType.toLowerCase(Locale.ROOT).contains("json") || body.length == 0 || body.length >= LARGEST_READ) {
            return false;
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            return json != null && json.path("error").isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** "404 (text/plain, empty)" or "502 (text/html): <h1>Bad gateway</h1>…", printable characters only. */
    static String describe(int status, String contentType, byte[] body) {
        String type = contentType.isBlank() ? "no content type" : contentType.split(";")[0].trim();
        String text = new String(body, 0, Math.min(body.length, MESSAGE_LENGTH * 4), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}+", " ").strip();
        if (text.isEmpty()) {
            return status + " (" + type + ", empty)";
        }
        return status + " (" + type + "): " + (text.length() > MESSAGE_LENGTH ? text.substring(0, MESSAGE_LENGTH) + "…" : text);
    }
}
