package io.photosync.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running bot, its simulated tenant, and a Teams channel to talk to it through. */
@PhotoSyncIntegrationTest
public abstract class TeamsChannelTestBase {

    @LocalServerPort
    public int port;

    @Autowired
    public SimulatedTenant tenant;

    public TeamsChannel teams;

    @BeforeEach
    void openChannel() {
        teams = new TeamsChannel(port, PhotoSyncIntegrationTest.BOT_APP_ID, tenant);
    }

    /** Waits until the bot has sent (or updated) {@code count} activities in the chat; returns them all, oldest first. */
    public List<SimulatedBotConnector.Sent> awaitSent(String chat, int count) throws InterruptedException {
        tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(chat)).count() >= count, Duration.ofSeconds(20));
        return tenant.botConnector().sentTo(chat);
    }

    /** The same, for the chat an activity was sent in. */
    public List<SimulatedBotConnector.Sent> awaitSent(ObjectNode activity, int count) throws InterruptedException {
        return awaitSent(TeamsChannel.conversationOf(activity), count);
    }

    /** Someone new with a Microsoft 365 photo (Adele's) and a SharePoint profile that has never had a picture. */
    public SimUser newPerson(String displayName) {
        return NewPeople.add(tenant, displayName, true, true);
    }

    /** The button of a person-choice card whose command ends with the person's UPN. */
    public static JsonNode buttonFor(JsonNode card, String userPrincipalName) {
        for (JsonNode row : card.path("body")) {
            for (JsonNode column : row.path("columns")) {
                for (JsonNode item : column.path("items")) {
                    for (JsonNode action : item.path("actions")) {
                        if (action.path("data").path("command").asText().endsWith(userPrincipalName)) {
                            return action;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no button for " + userPrincipalName + " in " + card);
    }

    /** The card's buttons with this title, in order (those in the card's action bar and in its body alike). */
    public static List<JsonNode> buttons(JsonNode card, String title) {
        return card.findValues("actions").stream().flatMap(actions -> StreamSupport.stream(actions.spliterator(), false))
                .filter(action -> action.path("title").asText().equals(title)).toList();
    }

    /** A tap on an Action.Submit button as Teams sends it ({@link TeamsChannel#tap}). */
    public ObjectNode tap(ObjectNode chatOf, String who, JsonNode button, String cardId) {
        return teams.tap(chatOf, who, button, cardId);
    }

    /** The medium rendition the person's {@code PictureURL} names, as the simulated SharePoint holds it. */
    public byte[] shownMedium(SimUser person) {
        String url = tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL").orElseThrow();
        String file = URLDecoder.decode(url.replaceFirst("\\?t=\\d+$", "").substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        return tenant.sharePoint().photoFile(file).orElseThrow(() -> new AssertionError("PictureURL names a missing file: " + url));
    }

    /** Every text on a card, one per line, as a person reads it. */
    public static String texts(JsonNode card) {
        StringBuilder all = new StringBuilder();
        card.findValues("text").forEach(text -> all.append(text.asText()).append('\n'));
        card.findValues("facts").forEach(facts -> facts.forEach(fact -> all.append(fact.path("title").asText()).append(": ")
                .append(fact.path("value").asText()).append('\n')));
        return all.toString();
    }
}
