package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * SharePoint's answers about people and their photo files: {@code PersonProperties}, as
 * {@code GetPropertiesFor} and {@code GetMyProperties} answer them, and the {@code SP.File} an upload answers.
 */
final class ProfileAnswers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileAnswers() {
    }

    /** @param my the My Site host URL */
    static ObjectNode properties(Map<String, String> profile, String my) {
        String user = profile.get("UserName");
        // The fields of the recorded answer (sp-getpropertiesfor-200.json), in its order.
        ObjectNode body = MAPPER.createObjectNode().put("AccountName", profile.get("AccountName"));
        body.putArray("DirectReports");
        body.put("DisplayName", profile.getOrDefault("PreferredName", user)).put("Email", user);
        body.putArray("ExtendedManagers");
        body.putArray("ExtendedReports").add(profile.get("AccountName"));
        body.put("IsFollowed", false).putNull("LatestPost");
        body.putArray("Peers");
        body.put("PersonalSiteHostUrl", my + "/").put("PersonalUrl", my + "/personal/" + user.replaceAll("[@.]", "_") + "/")
                .put("PictureUrl", profile.get("PictureURL").isEmpty() ? null : profile.get("PictureURL") + "?t=" + profile.get("SPS-PictureTimestamp"))
                .put("Title", profile.getOrDefault("Title", ""));
        ArrayNode properties = body.putArray("UserProfileProperties");
        profile.forEach((key, value) -> properties.addObject().put("Key", key).put("Value", value).put("ValueType", "Edm.String"));
        body.put("UserUrl", my + "/Person.aspx?accountname=" + URLEncoder.encode(profile.get("AccountName"), StandardCharsets.UTF_8));
        return body;
    }

    /**
     * The {@code SP.File} that {@code Files/add} answers, with the recorded fields and types
     * ({@code sp-files-addusingpath-200.json}): {@code Length} a string (Edm.Int64), times without a fraction.
     */
    static ObjectNode file(String my, String serverRelativeUrl, String fileName, int length) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String link = my + serverRelativeUrl + "?d=w" + id.replace("-", "");
        return MAPPER.createObjectNode()
                .put("CheckInComment", "").put("CheckOutType", 2).put("ContentTag", "{" + id + "},1,2").put("CustomizedPageStatus", 0)
                .put("ETag", "\"{" + id + "},1\"").put("Exists", true).put("ExistsAllowThrowForPolicyFailures", true).put("IrmEnabled", false)
                .put("Length", String.valueOf(length)).put("Level", 1).put("LinkingUri", link).put("LinkingUrl", link)
                .put("MajorVersion", 1).put("MinorVersion", 0).put("Name", fileName).put("ServerRelativeUrl", serverRelativeUrl)
                .put("TimeCreated", now).put("TimeLastModified", now).put("Title", "").put("UIVersion", 512).put("UIVersionLabel", "1.0")
                .put("UniqueId", id);
    }
}
