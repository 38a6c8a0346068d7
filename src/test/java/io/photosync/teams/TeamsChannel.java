package io.photosync.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Plays Microsoft Teams towards the bot: Teams-shaped activities, posted with a channel token. */
public final class TeamsChannel {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OAUTH_CARD = "application/vnd.microsoft.card.oauth";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;
    private final String botAppId;
    private final SimulatedBotConnector connector;
    private final String tenantId;

    public TeamsChannel(int port, String botAppId, SimulatedTenant tenant) {
        this.endpoint = "http://localhost:" + port + "/api/messages";
        this.botAppId = botAppId;
        this.connector = tenant.botConnector();
        this.tenantId = tenant.tenantId();
    }

    /** A 1:1 message from a user, as Teams sends it (text with an optional leading mention). */
    public ObjectNode message(String aadObjectId, String locale, String text) {
        String conversationId = "a:1" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode activity = MAPPER.createObjectNode()
                .put("type", "message")
                .put("id", "f:" + UUID.randomUUID())
                .put("timestamp", "2026-11-25T10:00:00.000Z")
                .put("serviceUrl", connector.serviceUrl())
                .put("channelId", "msteams")
                .put("locale", locale)
                .put("text", text)
                .put("textFormat", "plain");
        activity.putObject("from").put("id", "29:1" + aadObjectId).put("name", nameOf(aadObjectId)).put("aadObjectId", aadObjectId);
        activity.putObject("recipient").put("id", "28:" + botAppId).put("name", "PhotoSync");
        activity.putObject("conversation").put("id", conversationId).put("conversationType", "personal").put("tenantId", tenantId);
        activity.putObject("channelData").putObject("tenant").put("id", tenantId);
        return activity;
    }

    /** The bot installed in a user's personal scope: Teams' {@code conversationUpdate} with the bot among {@code membersAdded}. */
    public ObjectNode installed(String aadObjectId, String locale) {
        ObjectNode added = message(aadObjectId, locale, null);
        added.remove("text");
        added.put("type", "conversationUpdate");
        added.putArray("membersAdded").addObject().put("id", added.path("recipient").path("id").asText());
        return added;
    }

    public HttpResponse<String> post(ObjectNode activity) {
        return post(activity.toString(), "Bearer " + connector.channelToken(botAppId, Forgery.NONE));
    }

    public HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A tap on an Action.Submit button as Teams sends it: a message whose value is the button's
     * data, from {@code who}, in the chat {@code chatOf} was sent in, replying to the card
     * {@code cardId} (null when the test does not need it).
     */
    public ObjectNode tap(ObjectNode chatOf, String who, JsonNode button, String cardId) {
        ObjectNode tap = message(who, "en-US", null);
        tap.remove("text");
        tap.set("value", button.path("data").deepCopy());
        if (cardId != null) {
            tap.put("replyToId", cardId);
        }
        ((ObjectNode) tap.path("conversation")).put("id", conversationOf(chatOf));
        return tap;
    }

    /** Teams' answer to the bot's sign-in card: {@code signin/tokenExchange} with the person's SSO token, in the chat of {@code ask}. */
    public ObjectNode tokenExchange(ObjectNode ask, JsonNode signInCard, String token) {
        ObjectNode exchange = invoke(ask, "signin/tokenExchange");
        exchange.putObject("value").put("id", signInCard.path("tokenExchangeResource").path("id").asText())
                .put("connectionName", "").put("token", token);
        return exchange;
    }

    /** An invoke from the same person in the same chat as {@code message}. */
    public static ObjectNode invoke(ObjectNode message, String name) {
        ObjectNode invoke = message.deepCopy();
        invoke.remove("text");
        invoke.put("id", "f:" + UUID.randomUUID()).put("type", "invoke").put("name", name);
        return invoke;
    }

    /** Whether the bot sent its sign-in card (an OAuth card), and not a reply. */
    public static boolean isSignInCard(SimulatedBotConnector.Sent sent) {
        JsonNode attachments = sent.activity().path("attachments");
        return attachments.size() > 0 && OAUTH_CARD.equals(attachments.get(0).path("contentType").asText());
    }

    /** The sign-in card a sent activity carries. */
    public static JsonNode signInCard(SimulatedBotConnector.Sent sent) {
        return sent.activity().path("attachments").get(0).path("content");
    }

    public static String conversationOf(ObjectNode activity) {
        return activity.path("conversation").path("id").asText();
    }

    /** Teams sends the sender's display name: a persona's own, "Someone" for anyone else. */
    private static String nameOf(String aadObjectId) {
        return Personas.all().stream().filter(persona -> persona.id().equals(aadObjectId)).map(Personas.Persona::displayName)
                .findFirst().orElse("Someone");
    }
}
