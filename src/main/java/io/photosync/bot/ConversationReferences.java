package io.photosync.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the bot can reach each person: the reference of their 1:1 conversation, by Entra object
 * id, in {@code conversation_reference}. Serialised with the SDK's own mapper.
 */
final class ConversationReferences {

    private static final ObjectMapper SDK_MAPPER = new JacksonAdapter().serializer();

    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores or refreshes the reference; the person has the app installed. */
    void remember(String userObjectId, String tenantId, ConversationReference reference) {
        String json = toJson(reference);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update conversation_reference set tenant_id = ?, conversation_id = ?, service_url = ?, reference_json = ?, "
                        + "installed = true, updated_at = ? where user_object_id = ?")
                .params(tenantId, reference.getConversation().getId(), reference.getServiceUrl(), json, now, userObjectId).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into conversation_reference (user_object_id, tenant_id, conversation_id, service_url, reference_json, installed, updated_at) "
                                + "values (?, ?, ?, ?, ?, true, ?)")
                        .params(userObjectId, tenantId, reference.getConversation().getId(), reference.getServiceUrl(), json, now).update();
            } catch (DuplicateKeyException raced) {
                remember(userObjectId, tenantId, reference);
            }
        }
    }

    /** The app was removed: keep the row, never send there again. */
    void forget(String userObjectId) {
        jdbc.sql("update conversation_reference set installed = false, updated_at = ? where user_object_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), userObjectId).update();
    }

    /** The reference of someone who has the app installed. */
    Optional<ConversationReference> find(String userObjectId) {
        return jdbc.sql("select reference_json from conversation_reference where user_object_id = ? and installed = true")
                .param(userObjectId).query(String.class).optional().map(ConversationReferences::fromJson);
    }

    static String toJson(ConversationReference reference) {
        try {
            return SDK_MAPPER.writeValueAsString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation reference could not be written", e);
        }
    }

    static ConversationReference fromJson(String json) {
        try {
            return SDK_MAPPER.readValue(json, ConversationReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored conversation reference could not be read", e);
        }
    }
}
