package io.photosync.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Bot Framework messaging endpoint. Our own controller, because the SDK's Spring module does
 * not run on Spring 6+; the body is read with the SDK's own Jackson mapper so activities
 * deserialise exactly as the SDK expects. Bad requests get a 4xx, never a 500.
 */
@RestController
class MessagesController {

    private static final Logger log = LoggerFactory.getLogger(MessagesController.class);
    private static final ObjectMapper SDK_MAPPER = new JacksonAdapter().serializer();

    private final BotFrameworkAdapter adapter;
    private final ChannelAuthentication authentication;
    private final Bot bot;

    MessagesController(BotFrameworkAdapter adapter, ChannelAuthentication authentication, Bot bot) {
        this.adapter = adapter;
        this.authentication = authentication;
        this.bot = bot;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(@RequestBody(required = false) String body,
                                   @RequestHeader(name = "Authorization", required = false) String authorization) {
        Activity activity;
        try {
            JsonNode json = body == null ? null : SDK_MAPPER.readTree(body);
            activity = json != null && json.isObject() ? SDK_MAPPER.treeToValue(json, Activity.class) : null;
            if (activity != null) {
                moveTenantIntoConversation(activity, json);
            }
        } catch (JsonProcessingException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not a Bot Framework activity: " + e.getOriginalMessage());
        }
        if (activity == null || activity.getType() == null || activity.getType().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "The activity has no type.");
        }
        // Every log line of this activity's turn carries its id ({@code logging.pattern.correlation}).
        org.slf4j.MDC.put("correlation", activity.getId() == null ? "activity" : activity.getId());
        try {
            ClaimsIdentity caller = authentication.verify(activity, authorization);
            InvokeResponse response = adapter.processActivity(caller, activity, bot::onTurn).join();
            return response == null ? ResponseEntity.accepted().build() : invokeResponse(response);
        } catch (RuntimeException e) {
            AuthenticationException refused = authenticationFailure(e);
            if (refused == null) {
                throw e;
            }
            log.warn("refused an activity on channel {}: {}", activity.getChannelId(), refused.getMessage());
            return problem(HttpStatus.UNAUTHORIZED, "The request is not authorised.");
        } finally {
            org.slf4j.MDC.remove("correlation");
        }
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

    private static AuthenticationException authenticationFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationException refused) {
                return refused;
            }
        }
        return null;
    }

    private static ResponseEntity<String> invokeResponse(InvokeResponse response) {
        try {
            String json = response.getBody() == null ? null : SDK_MAPPER.writeValueAsString(response.getBody());
            return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON).body(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an invoke response could not be written", e);
        }
    }

    private static ResponseEntity<String> problem(HttpStatus status, String detail) {
        String json = SDK_MAPPER.createObjectNode().put("status", status.value()).put("error", detail).toString();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
