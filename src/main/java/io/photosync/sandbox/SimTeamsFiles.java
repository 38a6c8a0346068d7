package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Files people attach in a 1:1 chat with the bot, as Teams keeps them: uploaded to the sender's
 * OneDrive, handed to the bot as a {@code file.download.info} attachment whose {@code downloadUrl}
 * carries a short-lived {@code tempauth} and needs no bearer token; anyone without it gets 401.
 */
final class SimTeamsFiles {

    static final Pattern DOWNLOAD = Pattern.compile("/personal/[^/]+/_layouts/15/download\\.aspx");
    /** The simulator's stand-in for Teams' own upload, for clients that play Teams (the Playground journeys). */
    static final String UPLOAD = "/sandbox/teams-files";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record File(byte[] bytes, String tempauth) {
    }

    private final Supplier<String> mySite;
    private final Function<String, SimUser> users;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** @param mySite the My Site host URL, for the download links; @param users a person by object id or UPN */
    SimTeamsFiles(Supplier<String> mySite, Function<String, SimUser> users) {
        this.mySite = mySite;
        this.users = users;
    }

    /**
     * {@code POST /sandbox/teams-files?user=…&name=…} with the file as the body: what Teams does when
     * that person attaches it in their chat with the bot; answers the attachment to put on the message.
     */
    SimResponse upload(SimRequest request) {
        SimUser user = users.apply(String.valueOf(request.query().get("user")));
        String name = request.query().get("name");
        if (user == null || name == null || name.isBlank() || request.body().length == 0) {
            return SimResponse.text(400, "text/plain; charset=utf-8", "user (a persona), name and a body are required");
        }
        return SimResponse.json(201, attach(user, name, request.body()));
    }

    /** The attachment Teams puts on the message when {@code user} sends {@code fileName} to the bot. */
    ObjectNode attach(SimUser user, String fileName, byte[] bytes) {
        String uniqueId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String tempauth = "v1." + UUID.randomUUID().toString().replace("-", "");
        files.put(uniqueId, new File(bytes.clone(), tempauth));
        String personal = mySite.get() + "/personal/" + SimSharePoint.accountName(user.userPrincipalName())
                .replaceAll("[^A-Za-z0-9]", "_");
        int dot = fileName.lastIndexOf('.');
        ObjectNode attachment = MAPPER.createObjectNode()
                .put("contentType", "application/vnd.microsoft.teams.file.download.info")
                .put("contentUrl", personal + "/Documents/Microsoft Teams Chat Files/" + fileName)
                .put("name", fileName);
        attachment.putObject("content")
                .put("downloadUrl", personal + "/_layouts/15/download.aspx?UniqueId=" + uniqueId + "&Translate=false&tempauth=" + tempauth
                        + "&ApiVersion=2.0")
                .put("uniqueId", uniqueId)
                .put("fileType", dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT))
                .put("etag", "\"{" + uniqueId + "},1\"");
        return attachment;
    }

    /** The pre-authorised download: the file's bytes for the right {@code tempauth}, 401 otherwise. */
    SimResponse download(SimRequest request) {
        File file = files.get(String.valueOf(request.query().get("UniqueId")).toUpperCase(Locale.ROOT));
        if (file == null || !file.tempauth().equals(request.query().get("tempauth"))) {
            return SimResponse.text(401, "text/plain; charset=utf-8", "401 UNAUTHORIZED");
        }
        return SimResponse.bytes("application/octet-stream", file.bytes());
    }
}
