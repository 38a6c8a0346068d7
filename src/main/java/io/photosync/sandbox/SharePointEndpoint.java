package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * SharePoint Online REST as PhotoSync uses it, on a My Site host and an admin host: files in
 * {@code User Photos}, and the {@code PeopleManager} profile calls, app-only and (for
 * {@code SetMyProfilePicture} and {@code GetMyProperties}) delegated. App-only tokens obtained with
 * a secret get 401 "Unsupported app only token."; missing permissions get "Access denied.";
 * the per-app resource-unit budget answers 429 with {@code Retry-After}.
 */
final class SharePointEndpoint {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ADD_FILE = Pattern.compile(
            "/_api/web/GetFolderByServerRelativeUrl\\('(.*)'\\)/Files/add\\(url='(.*)',overwrite=true\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GET_FILE = Pattern.compile(
            "/_api/web/GetFileByServerRelativeUrl\\('(.*)'\\)/\\$value", Pattern.CASE_INSENSITIVE);
    private static final String PEOPLE = "/_api/SP.UserProfiles.PeopleManager/";

    private final SimIdentity identity;
    private final Faults faults;
    private final SimSharePoint state;
    private final SimHosts.SharePointGeo geo;

    /** @param geo the geo whose hosts this is, and {@code state} its profiles and files */
    SharePointEndpoint(SimIdentity identity, Faults faults, SimSharePoint state, SimHosts.SharePointGeo geo) {
        this.identity = identity;
        this.faults = faults;
        this.state = state;
        this.geo = geo;
    }

    SimResponse handle(SimRequest request, Api host, String hostPrefix, String path) {
        Optional<JWTClaimsSet> token = identity.accessTokenFor(request, identity.sharePointHost(host, geo));
        if (token.isEmpty()) {
            return unauthorized("3000003;reason=\"Invalid audience Uri or token.\"", "Invalid issuer or signature.");
        }
        if ("1".equals(token.get().getClaim("appidacr")) && !"user".equals(token.get().getClaim("idtyp"))) {
            return unauthorized("3001000;reason=\"There has been an error authenticating the request.\";category=\"invalid_client\"",
                    "Unsupported app only token.");
        }
        Optional<SimResponse> replayed = faults.replayed(request.method(), identity.baseUrl() + request.path());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Optional<SimResponse> injected = faults.injected(Api.SHAREPOINT);
        if (injected.isPresent()) {
            return injected.get();
        }
        SimSharePointMeter.Charge charge = faults.chargeSharePoint(String.valueOf(token.get().getClaim("appid")), request.method());
        SimResponse answer = charge.refusedFor().isPresent() ? SimErrors.sharePointThrottled() : serve(request, host, hostPrefix, path, token.get());
        for (Map.Entry<String, String> header : charge.headers().entrySet()) {
            answer = answer.withHeader(header.getKey(), header.getValue());
        }
        return answer;
    }

    private SimResponse serve(SimRequest request, Api host, String hostPrefix, String path, JWTClaimsSet token) {
        Set<String> roles = SimIdentity.roles(token);
        if ("user".equals(token.getClaim("idtyp"))) {
            return asUser(request, host, hostPrefix, path, token);
        }
        Matcher add = ADD_FILE.matcher(path);
        if ("POST".equals(request.method()) && add.matches()) {
            return requireAny(roles, "Sites.FullControl.All", "Sites.ReadWrite.All")
                    .orElseGet(() -> addFile(unquote(add.group(1)), unquote(add.group(2)), request.body()));
        }
        Matcher get = GET_FILE.matcher(path);
        if ("GET".equals(request.method()) && get.matches()) {
            return requireAny(roles, "Sites.FullControl.All", "Sites.ReadWrite.All", "Sites.Read.All")
                    .orElseGet(() -> getFile(unquote(get.group(1))));
        }
        if (path.startsWith(PEOPLE)) {
            return people(request, host, path.substring(PEOPLE.length()), roles);
        }
        if (!path.startsWith("/_api/") && path.contains("/_api/")) {
            // A site below the host that does not exist: SharePoint answers in plain text, not OData.
            return SimResponse.text(404, "text/plain; charset=utf-8", "404 FILE NOT FOUND");
        }
        if ("GET".equals(request.method())) {
            return getFile(hostPrefix + path);
        }
        return SimErrors.sharePoint(400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", "The expression \"" + path + "\" is not valid.");
    }

    /**
     * A delegated (user) token: the person may read photo files and profiles, read their own
     * properties, and set their own picture; nothing else.
     */
    private SimResponse asUser(SimRequest request, Api host, String hostPrefix, String path, JWTClaimsSet token) {
        Set<String> scopes = Set.of(String.valueOf(token.getClaim("scp")).split(" "));
        String upn = String.valueOf(token.getClaim("upn"));
        Matcher get = GET_FILE.matcher(path);
        if ("GET".equals(request.method()) && get.matches()) {
            return getFile(unquote(get.group(1)));
        }
        if (!path.startsWith(PEOPLE)) {
            return accessDenied();
        }
        String call = path.substring(PEOPLE.length());
        if ("GET".equals(request.method()) && call.equals("GetMyProperties")) {
            return propertiesFor(SimSharePoint.accountName(upn));
        }
        if ("POST".equals(request.method()) && call.equals("SetMyProfilePicture")) {
            if (host != Api.SHAREPOINT_MY || !scopes.contains("User.ReadWrite.All")) {
                return accessDenied();
            }
            Optional<SimResponse> refused = state.refusalOfMyPicture();
            if (refused.isPresent()) {
                return refused.get();
            }
            return setMyPicture(upn, request.body());
        }
        return accessDenied();
    }

    /**
     * {@code SetMyProfilePicture}: the body must be an image SharePoint can read (else 400
     * "Parameter is not valid."); SharePoint makes the three renditions itself, names them after
     * the account, and sets the picture properties.
     */
    private SimResponse setMyPicture(String upn, byte[] body) {
        Map<String, String> profile = state.profile(SimSharePoint.accountName(upn));
        if (profile == null) {
            return SimErrors.sharePoint(500, "-1, Microsoft.Office.Server.UserProfiles.UserNotFoundException",
                    "User Profile Error 1000: User Not Found: Could not load profile data from the database.");
        }
        if (body.length == 0 || body.length > 5_000_000) {
            return invalidParameter();
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(body));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            return invalidParameter();
        }
        showPicture(profile, upn, image);
        return SimResponse.empty(200);
    }

    /** What SharePoint does with an accepted picture: three renditions named after the account, and the profile pointing at them. */
    void showPicture(Map<String, String> profile, String upn, BufferedImage image) {
        String base = upn.replaceAll("[^A-Za-z0-9]", "_");
        for (Map.Entry<String, Integer> size : Map.of("_SThumb.jpg", 48, "_MThumb.jpg", 72, "_LThumb.jpg", 300).entrySet()) {
            state.putFile(state.photoFolder() + "/" + base + size.getKey(), PersonaPictures.squareJpeg(image, size.getValue()));
        }
        String pictureUrl = identity.mySiteOrigin(geo) + URLEncoder.encode(state.photoFolder() + "/" + base + "_MThumb.jpg",
                StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        profile.put("PictureURL", pictureUrl);
        profile.put("SPS-PicturePlaceholderState", "0");
        profile.put("SPS-PictureTimestamp", Long.toString(Instant.now().getEpochSecond() + 62_135_596_800L));
    }

    private static SimResponse invalidParameter() {
        return SimErrors.sharePoint(400, "-2147024809, System.ArgumentException", "Parameter is not valid.");
    }

    private SimResponse people(SimRequest request, Api host, String call, Set<String> roles) {
        Optional<SimResponse> denied = requireAny(roles, "User.ReadWrite.All", "User.Read.All");
        if (denied.isPresent()) {
            return denied.get();
        }
        if ("GET".equals(request.method()) && call.startsWith("GetPropertiesFor(accountName=@v)")) {
            if (host == Api.SHAREPOINT_MY && state.appOnlyMySiteReadsRefused()) {
                return accessDenied();
            }
            return propertiesFor(unquote(request.query().getOrDefault("@v", "")));
        }
        if ("POST".equals(request.method()) && call.equals("SetSingleValueProfileProperty")) {
            if (host != Api.SHAREPOINT_ADMIN || !roles.contains("User.ReadWrite.All") || state.appOnlyProfileWritesRefused()) {
                return accessDenied();
            }
            return setProperty(request);
        }
        return SimErrors.sharePoint(404, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", "Cannot find resource for the request " + call + ".");
    }

    private SimResponse propertiesFor(String accountName) {
        Map<String, String> profile = state.profile(accountName);
        if (profile == null) {
            return SimResponse.json(200, MAPPER.createObjectNode().put("odata.null", true));
        }
        return SimResponse.json(200, ProfileAnswers.properties(profile, identity.sharePointHost(Api.SHAREPOINT_MY, geo)));
    }

    private SimResponse setProperty(SimRequest request) {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            return SimErrors.sharePoint(400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", "Invalid JSON.");
        }
        Map<String, String> profile = state.profile(body.path("accountName").asText());
        if (profile == null) {
            return SimErrors.sharePoint(500, "-1, Microsoft.Office.Server.UserProfiles.UserNotFoundException",
                    "User Profile Error 1000: User Not Found: Could not load profile data from the database.");
        }
        profile.put(body.path("propertyName").asText(), body.path("propertyValue").asText());
        return SimResponse.json(200, MAPPER.createObjectNode().put("odata.null", true));
    }

    private SimResponse addFile(String folder, String fileName, byte[] content) {
        if (!folder.equalsIgnoreCase(state.photoFolder())) {
            return SimErrors.sharePoint(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
        }
        String serverRelative = folder + "/" + fileName;
        state.putFile(serverRelative, content);
        return SimResponse.json(200, ProfileAnswers.file(identity.sharePointHost(Api.SHAREPOINT_MY, geo), serverRelative, fileName, content.length));
    }

    private SimResponse getFile(String serverRelativeUrl) {
        return state.file(serverRelativeUrl)
                .map(bytes -> SimResponse.bytes("image/jpeg", bytes))
                .orElseGet(() -> SimErrors.sharePoint(404, "-2130575338, Microsoft.SharePoint.SPException",
                        "The file " + serverRelativeUrl + " does not exist."));
    }

    private static String unquote(String literal) {
        String value = literal.startsWith("'") && literal.endsWith("'") && literal.length() >= 2
                ? literal.substring(1, literal.length() - 1) : literal;
        return value.replace("''", "'");
    }

    private static Optional<SimResponse> requireAny(Set<String> roles, String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return Optional.empty();
            }
        }
        return Optional.of(accessDenied());
    }

    private static SimResponse accessDenied() {
        return SimErrors.sharePoint(403, "-2147024891, System.UnauthorizedAccessException",
                "Access denied. You do not have permission to perform this action or access this resource.");
    }

    private static SimResponse unauthorized(String diagnostics, String description) {
        return SimResponse.json(401, MAPPER.createObjectNode().put("error_description", description))
                .withHeader("x-ms-diagnostics", diagnostics)
                .withHeader("WWW-Authenticate", "Bearer realm=\"simulated\",client_id=\"00000003-0000-0ff1-ce00-000000000000\"");
    }
}
