package io.photosync.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncApplication;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.TestPhotos;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Approval of new photos ({@code PHOTOSYNC_PHOTO_APPROVAL}) through Teams, on PostgreSQL: the
 * approver gets a card, Approve sets the photo in Microsoft 365 and SharePoint and the person's
 * card follows, even when the service restarted in between; Reject deletes it and the person reads
 * why; whoever is not an approver, or comes second, changes nothing.
 */
class NewPhotoApprovalIntegrationTests {

    private static final String APPROVERS = "a9f1c3d2-7e4b-4c5a-9d86-2b1e0f3a4c57";
    private static EmbeddedPostgres postgres;
    private static int connectorPort;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        try (ServerSocket free = new ServerSocket(0)) {
            connectorPort = free.getLocalPort();
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void anApprovedPhotoIsSetAfterARestartAndThePersonsCardFollows() throws Exception {
        String database = freshDatabase();
        ObjectNode sent;
        String previewId;
        String approvalCardId;
        JsonNode approveButton;
        ObjectNode approverChat;
        try (Replica before = new Replica(database)) {
            approverChat = before.hello(Personas.MEGAN);
            SimUser adele = before.tenant.user(Personas.ADELE);
            String etagBefore = adele.photoEtag();
            sent = before.withPicture(adele);
            before.teams.post(sent);
            SimulatedBotConnector.Sent preview = before.await(sent, 1).get(0);
            previewId = preview.activityId();

            before.teams.post(before.tap(sent, Personas.ADELE, TeamsChannelTestBase.buttons(preview.card(), "Use it").get(0), previewId));

            SimulatedBotConnector.Sent waiting = before.await(sent, 2).get(1);
            assertThat(waiting.activityId()).isEqualTo(previewId);
            assertThat(TeamsChannelTestBase.texts(waiting.card())).contains("Waiting for approval");
            SimulatedBotConnector.Sent approval = before.await(approverChat, 2).get(1);
            approvalCardId = approval.activityId();
            approveButton = TeamsChannelTestBase.buttons(approval.card(), "Approve").get(0);
            assertThat(TeamsChannelTestBase.texts(approval.card())).contains("Approve a new photo?").contains("Adele Vance (adelev@");
            assertThat(approval.card().findValues("type")).anySatisfy(type -> assertThat(type.asText()).isEqualTo("Input.Text"));
            assertThat(adele.photoEtag()).as("nothing is written before the approval").isEqualTo(etagBefore);
        }
        try (Replica after = new Replica(database)) {
            ObjectNode approve = after.tap(approverChat, Personas.MEGAN, approveButton, approvalCardId);

            after.teams.post(approve);

            List<SimulatedBotConnector.Sent> toAdele = after.await(sent, 2);
            assertThat(toAdele).allSatisfy(card -> assertThat(card.activityId()).isEqualTo(previewId));
            assertThat(TeamsChannelTestBase.texts(toAdele.get(0).card())).contains("Megan Bowen approved your new photo");
            assertThat(TeamsChannelTestBase.texts(toAdele.get(1).card())).contains("Your new photo is set");
            List<SimulatedBotConnector.Sent> toMegan = after.await(approverChat, 1);
            assertThat(toMegan.get(0).activityId()).isEqualTo(approvalCardId);
            assertThat(TeamsChannelTestBase.texts(toMegan.get(0).card())).contains("Approved: Adele Vance's new photo");
            BufferedImage microsoft365 = ImageIO.read(new ByteArrayInputStream(after.tenant.user(Personas.ADELE).photoBytes()));
            assertThat(blue(microsoft365)).as("written app-only after the approval").isTrue();
            List<AuditEntry> entries = after.context.getBean(AuditLog.class).latestAbout(Personas.ADELE, 10);
            assertThat(entries).extracting(AuditEntry::outcome).contains("approval-requested", "approved", "changed");
            assertThat(entries).filteredOn(entry -> entry.outcome().equals("approved")).singleElement()
                    .satisfies(entry -> assertThat(entry.requesterId()).isEqualTo(Personas.MEGAN));
        }
    }

    @Test
    void aRejectedPhotoIsDeletedWithItsReasonAndNobodyElseDecidesAgain() throws Exception {
        try (Replica replica = new Replica(freshDatabase())) {
            ObjectNode approverChat = replica.hello(Personas.MEGAN);
            SimUser adele = replica.tenant.user(Personas.ADELE);
            String etagBefore = adele.photoEtag();
            ObjectNode sent = replica.withPicture(adele);
            replica.teams.post(sent);
            SimulatedBotConnector.Sent preview = replica.await(sent, 1).get(0);
            replica.teams.post(replica.tap(sent, Personas.ADELE, TeamsChannelTestBase.buttons(preview.card(), "Use it").get(0), preview.activityId()));
            String approvalCardId = replica.await(approverChat, 2).get(1).activityId();

            ObjectNode notAnApprover = replica.tap(approverChat, Personas.ALEX, button(replica, approverChat, "Approve"), null);
            ((ObjectNode) notAnApprover.path("conversation")).put("id", "a:1alex" + UUID.randomUUID());
            replica.teams.post(notAnApprover);
            assertThat(TeamsChannelTestBase.texts(replica.await(notAnApprover, 1).get(0).card())).contains("Only photo approvers can do that");

            ObjectNode reject = replica.tap(approverChat, Personas.MEGAN, button(replica, approverChat, "Reject"), approvalCardId);
            ((ObjectNode) reject.path("value")).put("reason", "Please use a photo without sunglasses");
            replica.teams.post(reject);

            JsonNode rejected = replica.await(sent, 3).get(2).card();
            assertThat(TeamsChannelTestBase.texts(rejected)).contains("Your new photo was not approved").contains("Megan Bowen did not approve it")
                    .contains("Reason: Please use a photo without sunglasses");
            assertThat(TeamsChannelTestBase.texts(replica.await(approverChat, 3).get(2).card())).contains("Rejected: Adele Vance's new photo");

            ObjectNode again = replica.tap(approverChat, Personas.MEGAN, button(replica, approverChat, "Approve"), approvalCardId);
            replica.teams.post(again);
            assertThat(TeamsChannelTestBase.texts(replica.await(approverChat, 4).get(3).card())).contains("Already decided");
            Thread.sleep(300);
            assertThat(adele.photoEtag()).isEqualTo(etagBefore);
        }
    }

    @Test
    void aPhotoNobodyDecidesOnExpiresAndBothSidesAreTold() throws Exception {
        try (Replica replica = new Replica(freshDatabase(), "--photosync.photo.approval-expire-after=4s")) {
            ObjectNode approverChat = replica.hello(Personas.MEGAN);
            SimUser adele = replica.tenant.user(Personas.ADELE);
            String etagBefore = adele.photoEtag();
            ObjectNode sent = replica.withPicture(adele);
            replica.teams.post(sent);
            SimulatedBotConnector.Sent preview = replica.await(sent, 1).get(0);
            replica.teams.post(replica.tap(sent, Personas.ADELE, TeamsChannelTestBase.buttons(preview.card(), "Use it").get(0), preview.activityId()));
            String approvalCardId = replica.await(approverChat, 2).get(1).activityId();

            List<SimulatedBotConnector.Sent> toAdele = replica.await(sent, 3);

            assertThat(toAdele.get(2).activityId()).isEqualTo(preview.activityId());
            assertThat(TeamsChannelTestBase.texts(toAdele.get(2).card())).contains("Nobody approved it in time");
            SimulatedBotConnector.Sent toMegan = replica.await(approverChat, 3).get(2);
            assertThat(toMegan.activityId()).isEqualTo(approvalCardId);
            assertThat(TeamsChannelTestBase.texts(toMegan.card())).contains("Expired: Adele Vance's new photo");
            assertThat(replica.context.getBean(AuditLog.class).latestAbout(Personas.ADELE, 5)).extracting(AuditEntry::outcome)
                    .contains("approval-expired");
            assertThat(adele.photoEtag()).isEqualTo(etagBefore);
        }
    }

    /** The first Approve or Reject button on the approver's card, as it was sent. */
    private static JsonNode button(Replica replica, ObjectNode approverChat, String title) throws InterruptedException {
        for (SimulatedBotConnector.Sent card : replica.await(approverChat, 1)) {
            List<JsonNode> found = TeamsChannelTestBase.buttons(card.card(), title);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no " + title + " button was sent to the approver");
    }

    /** One running PhotoSync on the shared database, its simulated tenant with the approver group, and Teams. */
    private static final class Replica implements AutoCloseable {
        final ConfigurableApplicationContext context;
        final SimulatedTenant tenant;
        final TeamsChannel teams;

        Replica(String database, String... settings) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0", "--management.server.port=0", "--photosync.sandbox.port=0",
                    "--photosync.sandbox.connector-port=" + connectorPort,
                    "--photosync.bot.app-id=" + PhotoSyncIntegrationTest.BOT_APP_ID,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--photosync.photo.approval=" + APPROVERS));
            arguments.addAll(List.of(settings));
            context = new SpringApplicationBuilder(PhotoSyncApplication.class).run(arguments.toArray(String[]::new));
            tenant = context.getBean(SimulatedTenant.class);
            tenant.addGroup(APPROVERS, "Photo approvers").add(tenant.user(Personas.MEGAN));
            teams = new TeamsChannel(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                    PhotoSyncIntegrationTest.BOT_APP_ID, tenant);
        }

        /** The person says hello, so the bot has their chat; the chat's message. */
        ObjectNode hello(String who) throws InterruptedException {
            ObjectNode hello = teams.message(who, "en-US", "help");
            teams.post(hello);
            await(hello, 1);
            return hello;
        }

        ObjectNode withPicture(SimUser sender) throws IOException {
            ObjectNode message = teams.message(sender.id(), "en-US", "");
            message.putArray("attachments").add(tenant.teamsFile(sender, "me.jpg", TestPhotos.solid(Color.BLUE, 400)));
            return message;
        }

        List<SimulatedBotConnector.Sent> await(ObjectNode inChat, int count) throws InterruptedException {
            String chat = TeamsChannel.conversationOf(inChat);
            tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(chat)).count() >= count, Duration.ofSeconds(30));
            return tenant.botConnector().sentTo(chat);
        }

        ObjectNode tap(ObjectNode chatOf, String who, JsonNode button, String cardId) {
            return teams.tap(chatOf, who, button, cardId);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static boolean blue(BufferedImage image) {
        Color centre = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
        return centre.getBlue() > 200 && centre.getRed() < 60 && centre.getGreen() < 60;
    }

    private static String freshDatabase() throws SQLException {
        String name = "photosync_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + name);
        }
        return name;
    }
}
