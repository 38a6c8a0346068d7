package io.photosync.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sync.RefusedCall;
import io.photosync.sync.RemoteServiceException.Kind;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * SharePoint REST: one short method per call PhotoSync makes. Acting as the app, a 401 or 403 is a
 * {@link RefusedCall} that names the call, the host and what the app needs for it.
 */
final class SharePointClient {

    private static final MediaType JSON = MediaType.get("application/json;odata=nometadata");
    private static final MediaType JPEG = MediaType.get("image/jpeg");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String PROFILES = "User.ReadWrite.All";
    private static final String SITES = "Sites.FullControl.All";

    private final OkHttpClient http;
    private final boolean appOnly;

    /** @param appOnly whether the tokens are the app's own (else a person's, whose refusals mean "sign in again") */
    SharePointClient(OkHttpClient http, boolean appOnly) {
        this.http = http;
        this.appOnly = appOnly;
    }

    /**
     * <a href="https://learn.microsoft.com/previous-versions/office/sharepoint-csom/jj163283(v=office.15)">PeopleManager.GetPropertiesFor</a>;
     * empty when SharePoint has no profile for the account ({@code odata.null}).
     */
    Optional<JsonNode> getPropertiesFor(String host, String accountName) {
        String url = trim(host) + "/_api/SP.UserProfiles.PeopleManager/GetPropertiesFor(accountName=@v)?@v="
                + queryLiteral(accountName);
        JsonNode body = json(execute("GetPropertiesFor", PROFILES, get(url)));
        boolean noProfile = body.path("odata.null").asBoolean(false) || body.path("AccountName").asText("").isEmpty();
        return noProfile ? Optional.empty() : Optional.of(body);
    }

    /**
     * <a href="https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest">Files/add</a>
     * with overwrite; returns the new file's server-relative URL.
     */
    String addFile(String host, String folderServerRelativeUrl, String fileName, byte[] content) {
        String url = trim(host) + "/_api/web/GetFolderByServerRelativeUrl('" + pathLiteral(folderServerRelativeUrl)
                + "')/Files/add(url='" + pathLiteral(fileName) + "',overwrite=true)";
        JsonNode body = json(execute("Files/add", SITES, request(url).post(RequestBody.create(content, JPEG)).build()));
        return body.path("ServerRelativeUrl").asText();
    }

    /** <a href="https://learn.microsoft.com/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest">GetFileByServerRelativeUrl/$value</a>; empty on 404. */
    Optional<byte[]> getFile(String host, String serverRelativeUrl) {
        String url = trim(host) + "/_api/web/GetFileByServerRelativeUrl('" + pathLiteral(serverRelativeUrl) + "')/$value";
        try (Response response = http.newCall(get(url)).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            return Optional.of(bodyOf("GetFileByServerRelativeUrl", SITES, response));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** <a href="https://learn.microsoft.com/previous-versions/office/sharepoint-csom/jj163983(v=office.15)">PeopleManager.SetSingleValueProfileProperty</a> on an admin host (the person's geo's). */
    void setSingleValueProfileProperty(String adminHost, String accountName, String propertyName, String value) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("accountName", accountName)
                .put("propertyName", propertyName)
                .put("propertyValue", value);
        String url = trim(adminHost) + "/_api/SP.UserProfiles.PeopleManager/SetSingleValueProfileProperty";
        execute("SetSingleValueProfileProperty", PROFILES, request(url).post(RequestBody.create(body.toString(), JSON)).build());
    }

    /**
     * <a href="https://learn.microsoft.com/previous-versions/office/sharepoint-server/dn790354(v=office.15)">PeopleManager.SetMyProfilePicture</a>:
     * the raw image as the body; only ever with the person's own delegated token.
     */
    void setMyProfilePicture(String host, byte[] image) {
        String url = trim(host) + "/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture";
        execute("SetMyProfilePicture", PROFILES, request(url).post(RequestBody.create(image, OCTETS)).build());
    }

    /** PeopleManager.GetMyProperties: the caller's own profile. */
    JsonNode getMyProperties(String host) {
        return json(execute("GetMyProperties", PROFILES, get(trim(host) + "/_api/SP.UserProfiles.PeopleManager/GetMyProperties")));
    }

    private static Request get(String url) {
        return request(url).get().build();
    }

    private static Request.Builder request(String url) {
        return new Request.Builder().url(url).header("Accept", "application/json;odata=nometadata");
    }

    /** @param call the call's name and {@code needs} the app permission it needs, for a refusal to name */
    private byte[] execute(String call, String needs, Request request) {
        try (Response response = http.newCall(request).execute()) {
            return bodyOf(call, needs, response);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private byte[] bodyOf(String call, String needs, Response response) throws IOException {
        byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
        if (!response.isSuccessful()) {
            SharePointException failure = failure(response, body);
            boolean appOnlyTokenRefused = failure.status() == 401 && failure.said().contains("app only token");
            if (appOnly && (failure.status() == 403 || appOnlyTokenRefused)) {
                throw new RefusedCall(failure.kind(), call, hostOf(response.request()), appOnlyTokenRefused ? RefusedCall.CERTIFICATE : needs,
                        failure.status() + " " + failure.said());
            }
            throw failure;
        }
        return body;
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SharePointException(Kind.REJECTED, 200, "", "answer is not JSON", null);
        }
    }

    /** The one place that reads SharePoint's error formats (verbose, light, and the bare 401 one). */
    private static SharePointException failure(Response response, byte[] body) {
        int status = response.code();
        String code = "";
        String message = response.message();
        JsonNode error = errorJson(body);
        JsonNode odata = error.has("odata.error") ? error.get("odata.error") : error.path("error");
        if (odata.isObject()) {
            code = odata.path("code").asText("");
            JsonNode text = odata.path("message");
            message = text.isObject() ? text.path("value").asText(message) : text.asText(message);
        } else if (error.has("error_description")) {
            message = error.get("error_description").asText();
        } else {
            // SharePoint answers some errors in plain text ("404 FILE NOT FOUND"); gateways in HTML, of which the status line says enough.
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty() && text.length() <= 200 && !text.startsWith("<")) {
                message = text;
            }
        }
        return new SharePointException(kindOf(status), status, code, message, RetryAfterInterceptor.retryAfter(response));
    }

    /** The SharePoint host a request went to, as configured (a host may sit below a path), without the scheme. */
    private static String hostOf(Request request) {
        String url = request.url().toString();
        int api = url.indexOf("/_api/");
        return (api < 0 ? url : url.substring(0, api)).replaceFirst("^https?://", "");
    }

    /** The error body as a JSON object, or an empty one when it is not one (text, HTML, nothing). */
    private static JsonNode errorJson(byte[] body) {
        try {
            JsonNode parsed = MAPPER.readTree(body);
            return parsed != null && parsed.isObject() ? parsed : MAPPER.createObjectNode();
        } catch (IOException | RuntimeException notJson) {
            return MAPPER.createObjectNode();
        }
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 429, 503 -> Kind.THROTTLED;
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.PERMISSION_DENIED;
            case 500, 502, 504 -> Kind.UNAVAILABLE;
            default -> Kind.REJECTED;
        };
    }

    private static SharePointException unreachable(IOException e) {
        return new SharePointException(Kind.UNAVAILABLE, 0, "", "no answer: " + e.getMessage(), null);
    }

    /** An OData string literal in a query parameter alias: quotes doubled, then URL-encoded. */
    static String queryLiteral(String value) {
        return URLEncoder.encode("'" + value.replace("'", "''") + "'", StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An OData string literal inside the path: quotes doubled, percent-encoded except '/'. */
    static String pathLiteral(String value) {
        return encodePath(value.replace("'", "''"));
    }

    /** Percent-encodes a path, keeping its slashes. */
    static String encodePath(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static String trim(String host) {
        return host == null ? "" : host.replaceAll("/+$", "");
    }

}
