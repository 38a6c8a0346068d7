package io.photosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** SharePoint's {@code PersonProperties}, as {@code GetPropertiesFor} and {@code GetMyProperties} answer them. */
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
}
