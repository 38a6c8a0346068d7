package io.photosync.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SandboxSso;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SsoToken;
import io.photosync.teams.TeamsChannelTestBase;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Undo and photo history through Teams: what SharePoint showed before a change comes back, files
 * and properties read back from the simulated SharePoint; undo of an undo brings the newer photo
 * back; an older version is restored from "history for"; someone not allowed is refused and audited.
 */
class UndoIntegrationTests extends TeamsChannelTestBase {

    @Autowired
    AuditLog audit;

    @Autowired
    SandboxSso sandboxSso;

    @Test
    void aPersonUndoesTheirSyncAndThenUndoesTheUndo() throws Exception {
        SimUser person = newPerson("Uma Undo");
        tenant.showInSharePoint(person.userPrincipalName(), solid(Color.RED));
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");

        teams.post(ask);

        List<SimulatedBotConnector.Sent> sent = awaitSent(ask, 2);
        JsonNode synced = sent.get(1).card();
        assertThat(texts(synced)).contains("Your SharePoint photo is up to date");
        assertThat(red(shownMedium(person))).as("the Microsoft 365 photo is shown now").isFalse();
        byte[] newer = shownMedium(person);

        assertThat(teams.post(tap(ask, person.id(), button(synced, "Undo"), sent.get(1).activityId())).statusCode()).isEqualTo(202);

        sent = awaitSent(ask, 4);
        assertThat(sent.get(2).method()).isEqualTo("PUT");
        assertThat(sent.get(2).activityId()).as("the result card itself turns into the undo").isEqualTo(sent.get(1).activityId());
        assertThat(texts(sent.get(2).card())).contains("Putting your earlier photo back");
        JsonNode restored = sent.get(3).card();
        assertThat(texts(restored)).contains("SharePoint shows your earlier photo again");
        assertThat(red(shownMedium(person))).as("SharePoint shows the red photo again").isTrue();
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "SPS-PicturePlaceholderState")).contains("0");

        assertThat(teams.post(tap(ask, person.id(), button(restored, "Undo"), sent.get(3).activityId())).statusCode()).isEqualTo(202);

        sent = awaitSent(ask, 6);
        assertThat(texts(sent.get(5).card())).contains("SharePoint shows your earlier photo again");
        assertThat(red(shownMedium(person))).as("undo of the undo: the Microsoft 365 photo again").isFalse();
        assertThat(similar(shownMedium(person), newer)).isTrue();
        List<AuditEntry> undos = audit.latestAbout(person.id(), 10).stream().filter(entry -> entry.action().equals("undo")).toList();
        assertThat(undos).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.outcome()).isEqualTo("restored");
            assertThat(entry.photoVersion()).isNotNull();
            assertThat(entry.requesterId()).isEqualTo(person.id());
        });
    }

    @Test
    void anOperatorRestoresAnOlderVersionFromHistoryAndUndoesByCommand() throws Exception {
        SimUser colleague = newPerson("Vera Versions");
        tenant.showInSharePoint(colleague.userPrincipalName(), solid(Color.RED));
        byte[] first = shownMedium(colleague);
        sync(colleague);
        byte[] second = shownMedium(colleague);
        colleague.setPhoto(jpeg(solid(Color.BLUE)), "image/jpeg", 300, 300);
        sync(colleague);
        byte[] third = shownMedium(colleague);
        assertThat(third).isNotEqualTo(second);

        ObjectNode history = teams.message(Personas.ALEX, "en-US", "history for " + colleague.userPrincipalName());
        teams.post(history);
        JsonNode card = awaitSent(history, 1).get(0).card();
        assertThat(texts(card)).contains("Photos SharePoint showed before, newest first").contains("What PhotoSync did");
        List<JsonNode> restores = buttons(card, "Restore");
        assertThat(restores).as("the red photo and PhotoSync's first sync").hasSize(2);

        assertThat(teams.post(tap(history, Personas.ALEX, restores.get(1), awaitSent(history, 1).get(0).activityId())).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(history, 3);
        assertThat(texts(sent.get(1).card())).contains("Putting Vera Versions's earlier photo back");
        assertThat(texts(sent.get(2).card())).contains("SharePoint shows Vera Versions's earlier photo again");
        assertThat(shownMedium(colleague)).as("app-only, byte for byte what SharePoint showed first").isEqualTo(first);

        ObjectNode undo = teams.message(Personas.ALEX, "en-US", "undo photo for " + colleague.userPrincipalName());
        int before = tenant.receivedRequests().size();
        teams.post(undo);

        assertThat(texts(awaitSent(undo, 2).get(1).card())).contains("SharePoint shows Vera Versions's earlier photo again");
        assertThat(shownMedium(colleague)).as("the photo the restore replaced").isEqualTo(third);
        List<ReceivedRequest> graph = tenant.receivedRequests().subList(before, tenant.receivedRequests().size()).stream()
                .filter(request -> request.path().contains("/users/" + colleague.id() + "/photo")).toList();
        assertThat(graph).as("an undo asks Microsoft 365 for the photo's ETag only, not for its bytes").singleElement()
                .satisfies(request -> assertThat(request.path()).endsWith("/photo"));
    }

    @Test
    void someoneWhoIsNotAnOperatorCannotUndoAColleaguesPhotoAndIsAudited() throws Exception {
        SimUser colleague = newPerson("Walt Watched");
        tenant.showInSharePoint(colleague.userPrincipalName(), solid(Color.RED));
        JsonNode synced = sync(colleague);
        byte[] shown = shownMedium(colleague);
        String command = button(synced, "Undo").path("data").path("command").asText();
        ObjectNode tap = teams.message(Personas.ADELE, "en-US", command);

        teams.post(tap);

        assertThat(texts(awaitSent(tap, 1).get(0).card())).contains("Only helpdesk operators can do that");
        Thread.sleep(300);
        assertThat(shownMedium(colleague)).isEqualTo(shown);
        assertThat(audit.byCorrelation(tap.path("id").asText())).singleElement().satisfies(refusal -> {
            assertThat(refusal.action()).isEqualTo("undo");
            assertThat(refusal.outcome()).isEqualTo("refused-not-operator");
            assertThat(refusal.requesterId()).isEqualTo(Personas.ADELE);
        });
    }

    /** The person's writes are delegated: an undo waits for Teams SSO like a sync, then runs as typed. */
    @Test
    void anUndoFromSomeoneNotSignedInWaitsForTheirSignInThenRuns() throws Exception {
        SimUser person = newPerson("Sia Signin");
        tenant.showInSharePoint(person.userPrincipalName(), solid(Color.RED));
        sync(person);
        sandboxSso.setEnabled(false);
        try {
            ObjectNode ask = teams.message(person.id(), "nb-NO", "angre bildet mitt");
            teams.post(ask);
            JsonNode signInCard = awaitSent(ask, 1).get(0).activity().path("attachments").get(0).path("content");
            assertThat(signInCard.path("tokenExchangeResource").path("id").asText()).isNotBlank();
            assertThat(red(shownMedium(person))).as("nothing is written before the sign-in").isFalse();

            ObjectNode exchange = ask.deepCopy();
            exchange.remove("text");
            exchange.put("id", "f:" + UUID.randomUUID()).put("type", "invoke").put("name", "signin/tokenExchange");
            exchange.putObject("value").put("id", signInCard.path("tokenExchangeResource").path("id").asText()).put("connectionName", "")
                    .put("token", tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID));
            assertThat(teams.post(exchange).statusCode()).isEqualTo(200);

            assertThat(texts(awaitSent(ask, 3).get(2).card())).contains("SharePoint viser det forrige bildet ditt igjen");
            assertThat(red(shownMedium(person))).isTrue();
        } finally {
            sandboxSso.setEnabled(true);
        }
    }

    @Test
    void undoingWhenNothingIsKeptSaysSoInEitherLanguage() throws Exception {
        SimUser person = newPerson("Nils Nothing");
        ObjectNode english = teams.message(person.id(), "en-US", "undo my photo");
        ObjectNode norwegian = teams.message(person.id(), "en-US", "angre bildet mitt");
        ObjectNode colleague = teams.message(Personas.ALEX, "en-US", "undo photo for " + person.userPrincipalName());
        ObjectNode unknown = teams.message(Personas.ALEX, "en-US", "undo version " + UUID.randomUUID());

        for (ObjectNode message : List.of(english, norwegian, colleague, unknown)) {
            teams.post(message);
        }

        assertThat(texts(awaitSent(english, 1).get(0).card())).contains("Nothing to undo").contains("no earlier photo of you");
        assertThat(texts(awaitSent(norwegian, 1).get(0).card())).contains("Ingenting å angre");
        assertThat(texts(awaitSent(colleague, 1).get(0).card())).contains("Nothing to undo").contains("no earlier photo of Nils Nothing");
        assertThat(texts(awaitSent(unknown, 1).get(0).card())).contains("Nothing to undo");
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).contains("");
    }

    /** The helpdesk syncs a colleague; the operator's result card. */
    private JsonNode sync(SimUser colleague) throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
        teams.post(ask);
        JsonNode result = awaitSent(ask, 2).get(1).card();
        assertThat(texts(result)).contains("SharePoint photo is up to date");
        return result;
    }

    /** The card's one button with this title. */
    private static JsonNode button(JsonNode card, String title) {
        List<JsonNode> found = buttons(card, title);
        assertThat(found).as("the " + title + " button on " + card).hasSize(1);
        return found.get(0);
    }

    private static boolean red(byte[] jpeg) throws IOException {
        Color centre = centre(jpeg);
        return centre.getRed() > 200 && centre.getGreen() < 60 && centre.getBlue() < 60;
    }

    private static boolean similar(byte[] a, byte[] b) throws IOException {
        Color x = centre(a);
        Color y = centre(b);
        return Math.abs(x.getRed() - y.getRed()) + Math.abs(x.getGreen() - y.getGreen()) + Math.abs(x.getBlue() - y.getBlue()) < 60;
    }

    private static Color centre(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    }

    private static BufferedImage solid(Color colour) {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
