package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimSharePoint;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The first user journey through the real HTTP path: a Teams message with a Bot Framework JWT
 * reaches {@code /api/messages}; the bot answers "Syncing…", syncs against the simulated tenant,
 * and updates that card in place with the result.
 */
class SyncMyPhotoIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void syncsOwnPhotoWhenUserAsks() throws Exception {
        var adele = Personas.byId(Personas.ADELE);
        ObjectNode message = teams.message(adele.id(), "en-US", "<at>PhotoSync</at> sync my photo");

        HttpResponse<String> response = teams.post(message);

        assertThat(response.statusCode()).isEqualTo(202);
        List<SimulatedBotConnector.Sent> sent = awaitResult(message);
        assertThat(sent.get(0).card().toString()).contains("Syncing your photo");
        assertThat(sent.get(1).card().toString()).contains("Your SharePoint photo is up to date")
                .as("sandbox SSO: written as Adele herself").contains("as you, with your own SharePoint rights");
        assertRenditions(adele.userPrincipalName(), 300);
        SimSharePoint sharePoint = tenant.sharePoint();
        assertThat(sharePoint.profileProperty(adele.userPrincipalName(), "PictureURL")).hasValueSatisfying(url ->
                assertThat(url).startsWith(tenant.baseUrl() + "/sp-my/User%20Photos/Profile%20Pictures/").endsWith("_MThumb.jpg"));
        assertThat(sharePoint.profileProperty(adele.userPrincipalName(), "SPS-PicturePlaceholderState")).hasValue("0");
        assertThat(sharePoint.profileProperty(adele.userPrincipalName(), "SPS-PictureTimestamp")).hasValueSatisfying(stamp ->
                assertThat(Long.parseLong(stamp)).isGreaterThan(63_800_000_000L));
    }

    @Test
    void answersInNorwegianWhenTeamsSpeaksNorwegian() throws Exception {
        var megan = Personas.byId(Personas.MEGAN);
        ObjectNode message = teams.message(megan.id(), "nb-NO", "Synkroniser bildet mitt!");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitResult(message);
        assertThat(sent.get(0).card().toString()).contains("Synkroniserer bildet ditt");
        assertThat(sent.get(1).card().toString()).contains("SharePoint-bildet ditt er oppdatert");
        assertRenditions(megan.userPrincipalName(), 300);
    }

    @Test
    void answersANorwegianCommandInNorwegianEvenWhenTeamsSpeaksEnglish() throws Exception {
        ObjectNode message = teams.message(Personas.ISAIAH, "en-US", "synkroniser bildet mitt");

        teams.post(message);

        List<SimulatedBotConnector.Sent> sent = awaitResult(message);
        assertThat(sent.get(0).card().toString()).contains("Synkroniserer bildet ditt");
        assertThat(sent.get(1).card().toString()).contains("SharePoint-bildet ditt er oppdatert");
    }

    @Test
    void saysSoWhenTheUserHasNoPhoto() throws Exception {
        assertThat(resultCardFor(Personas.LYNNE)).contains("You have no photo in Microsoft 365");
        assertNoPicture(Personas.LYNNE);
    }

    @Test
    void refusesGuests() throws Exception {
        assertThat(resultCardFor(Personas.JOHN_GUEST)).contains("Guest accounts aren't synced");
        assertNoPicture(Personas.JOHN_GUEST);
    }

    @Test
    void explainsAMissingSharePointProfile() throws Exception {
        String card = resultCardFor(Personas.LIDIA);

        assertThat(card).contains("SharePoint doesn't know you yet").contains("Open OneDrive");
        assertNoPicture(Personas.LIDIA);
    }

    @Test
    void answersAnythingElseWithHelp() throws Exception {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "what is the weather?");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = tenant.botConnector().awaitSent(
                all -> all.stream().anyMatch(s -> s.conversationId().equals(TeamsChannel.conversationOf(message))), PATIENCE);
        String card = sent.stream().filter(s -> s.conversationId().equals(TeamsChannel.conversationOf(message)))
                .findFirst().orElseThrow().card().toString();
        assertThat(card).contains("I didn't understand").contains("what is the weather").contains("sync my photo");
    }

    /** The sync does not wait for Teams: its Microsoft calls go out while the "Syncing…" card is on its way, and its result still replaces that card. */
    @Test
    void syncsWhileTheSyncingCardIsOnItsWayAndStillReplacesThatCard() throws Exception {
        Duration teamsTakes = Duration.ofSeconds(2);
        tenant.botConnector().holdNextSend(teamsTakes);
        ObjectNode message = teams.message(Personas.NESTOR, "en-US", "sync my photo");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitResult(message);
        assertThat(sent.get(1).card().toString()).contains("Your SharePoint photo is up to date");
        long cardArrived = tenant.botConnector().receivedRequests().stream()
                .filter(r -> "POST".equals(r.method()) && r.path().contains(TeamsChannel.conversationOf(message)))
                .mapToLong(ReceivedRequest::receivedNanos).min().orElseThrow();
        long photoRead = tenant.receivedRequests().stream()
                .filter(r -> r.path().endsWith("/users/" + Personas.NESTOR + "/photo") && r.receivedNanos() > cardArrived - 1_000_000_000L)
                .mapToLong(ReceivedRequest::receivedNanos).min().orElseThrow();
        assertThat(Duration.ofNanos(photoRead - cardArrived)).as("the photo was read before Teams answered the card").isLessThan(teamsTakes.dividedBy(2));
    }

    private String resultCardFor(String personaId) throws InterruptedException {
        ObjectNode message = teams.message(personaId, "en-GB", "sync my photo");
        assertThat(teams.post(message).statusCode()).isEqualTo(202);
        return awaitResult(message).get(1).card().toString();
    }

    /** Waits for the "Syncing…" card and its in-place update; returns both, in order. */
    private List<SimulatedBotConnector.Sent> awaitResult(ObjectNode message) throws InterruptedException {
        String conversation = TeamsChannel.conversationOf(message);
        tenant.botConnector().awaitSent(all -> all.stream()
                .filter(s -> s.conversationId().equals(conversation)).count() >= 2, PATIENCE);
        List<SimulatedBotConnector.Sent> sent = tenant.botConnector().sentTo(conversation);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).method()).isEqualTo("POST");
        assertThat(sent.get(1).method()).isEqualTo("PUT");
        assertThat(sent.get(1).activityId()).isEqualTo(sent.get(0).activityId());
        return sent;
    }

    /** The three renditions next to the file PictureURL names (SharePoint chooses the names). */
    private void assertRenditions(String userPrincipalName, int largeSize) throws IOException {
        String pictureUrl = tenant.sharePoint().profileProperty(userPrincipalName, "PictureURL").orElseThrow();
        String base = URLDecoder.decode(pictureUrl.substring(pictureUrl.lastIndexOf('/') + 1), StandardCharsets.UTF_8)
                .replace("_MThumb.jpg", "");
        assertThat(size(base + "_SThumb.jpg")).isEqualTo(48);
        assertThat(size(base + "_MThumb.jpg")).isEqualTo(72);
        assertThat(size(base + "_LThumb.jpg")).isEqualTo(largeSize);
    }

    private void assertNoPicture(String personaId) {
        String upn = tenant.user(personaId).userPrincipalName();
        assertThat(tenant.sharePoint().profileProperty(upn, "PictureURL").orElse("")).isEmpty();
        assertThat(tenant.sharePoint().photoFile(personaId + "_MThumb.jpg")).isEmpty();
        assertThat(tenant.sharePoint().photoFile(upn.replaceAll("[^A-Za-z0-9]", "_") + "_MThumb.jpg")).isEmpty();
    }

    private int size(String fileName) throws IOException {
        byte[] jpeg = tenant.sharePoint().photoFile(fileName).orElseThrow(() -> new AssertionError(fileName + " was not written"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image.getWidth()).as(fileName + " is square").isEqualTo(image.getHeight());
        return image.getWidth();
    }
}
