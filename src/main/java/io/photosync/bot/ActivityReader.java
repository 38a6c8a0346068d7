package io.photosync.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Turns a request body into an activity, or refuses it with the reason: a body over the limit
 * (checked on the declared length and again while reading, so a chunked or lying request is cut
 * off at the limit, not buffered), anything but JSON, JSON that is not an object, fields of the
 * wrong type, no type, no conversation or sender where a turn needs them. Read with the SDK's own
 * Jackson mapper, so that activities deserialise exactly as the SDK expects.
 */
final class ActivityReader {

    /** The activities the bot has a turn for; Teams' others (typing, messageDelete, …) are acknowledged and left. */
    private static final Set<String> HANDLED = Set.of(ActivityTypes.MESSAGE, ActivityTypes.INVOKE, ActivityTypes.CONVERSATION_UPDATE,
            ActivityTypes.INSTALLATION_UPDATE, ActivityTypes.MESSAGE_REACTION, ActivityTypes.MESSAGE_UPDATE, ActivityTypes.EVENT);

    /**
     * Teams' ids are at most a few hundred characters (a channel conversation id with its message
     * id, a service URL); anything longer is not from Teams, and would not fit where they are kept.
     */
    static final int LONGEST_IDENTIFIER = 1024;
    private static final List<String> IDENTIFIERS = List.of("/id", "/serviceUrl", "/channelId", "/locale", "/name", "/replyToId",
            "/from/id", "/from/name", "/recipient/id", "/conversation/id", "/conversation/tenantId", "/channelData/tenant/id");
    /** An Entra object id: a GUID, or the Agents Playground's GUID-like ids (one digit too many in the last group). */
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12,13}");

    private final ObjectMapper mapper;
    private final long limit;

    ActivityReader(ObjectMapper mapper, DataSize limit) {
        this.mapper = mapper;
        this.limit = limit.toBytes();
    }

    /** What can be refused before a byte of the body is read. */
    void checkEnvelope(String contentType, long declaredLength) {
        if (!json(contentType)) {
            throw new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Activities are application/json.");
        }
        if (declaredLength > limit) {
            throw new RefusedRequest(HttpStatus.PAYLOAD_TOO_LARGE, "The activity is larger than " + limit + " bytes.");
        }
    }

    Activity read(InputStream body) throws IOException {
        JsonNode json;
        try {
            json = mapper.readTree(new LimitedInputStream(body, limit));
        } catch (LimitedInputStream.TooLarge e) {
            throw new RefusedRequest(HttpStatus.PAYLOAD_TOO_LARGE, "The activity is larger than " + limit + " bytes.");
        } catch (JsonProcessingException e) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The body is not JSON.");
        }
        if (json == null || json.isMissingNode() || !json.isObject()) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The body is not a JSON object.");
        }
        if (!json.path("type").isTextual() || json.path("type").asText().isBlank()) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The activity has no type.");
        }
        Activity activity;
        try {
            activity = mapper.treeToValue(json, Activity.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The body is not a Bot Framework activity.");
        }
        if (handled(activity) && (blank(json.path("conversation").path("id")) || blank(json.path("from").path("id")))) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The activity has no conversation or sender.");
        }
        if (IDENTIFIERS.stream().map(json::at).anyMatch(value -> value.isTextual() && value.asText().length() > LONGEST_IDENTIFIER)) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "An identifier of the activity is too long.");
        }
        JsonNode objectId = json.path("from").path("aadObjectId");
        if (objectId.isTextual() && !OBJECT_ID.matcher(objectId.asText()).matches()) {
            throw new RefusedRequest(HttpStatus.BAD_REQUEST, "The sender's aadObjectId is not an object id.");
        }
        moveTenantIntoConversation(activity, json);
        return activity;
    }

    static boolean handled(Activity activity) {
        // An event names what happened; one without a name says nothing, and the SDK's dispatch would trip over it.
        return HANDLED.contains(activity.getType()) && !(ActivityTypes.EVENT.equals(activity.getType()) && activity.getName() == null);
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean blank(JsonNode value) {
        return !value.isTextual() || value.asText().isBlank();
    }

    /**
     * Teams used to send the tenant only in {@code channelData}; the SDK's own fix-up for that
     * builds a new Jackson mapper (scanning the class path for modules) on every such activity.
     * Done here from the JSON already parsed, it costs nothing.
     */
    private static void moveTenantIntoConversation(Activity activity, JsonNode json) {
        JsonNode tenant = json.path("channelData").path("tenant").path("id");
        if (activity.getConversation() != null && (activity.getConversation().getTenantId() == null
                || activity.getConversation().getTenantId().isEmpty()) && tenant.isTextual()) {
            activity.getConversation().setTenantId(tenant.asText());
        }
    }
}
