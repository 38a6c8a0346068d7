package io.photosync.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Use this as my photo" through Teams: a picture attached as Teams sends it (a OneDrive file with
 * a pre-authorised link, or a pasted image on the Bot Connector behind the bot's token) becomes a
 * preview; "Use it" sets it in Microsoft 365 and SharePoint, both read back from the simulated
 * tenant; what cannot be used, or what the tenant's photo policy forbids, is refused with nothing written.
 */
class NewPhotoIntegrationTests extends TeamsChannelTestBase {

    @Autowired
    AuditLog audit;

    @AfterEach
    void everyoneMayChangeTheirPhotoAgainAndGraphShowsItAtOnce() {
        tenant.setPhotoPolicy("cloud", List.of());
        tenant.delayPhotoUpdates(Duration.ZERO);
    }

    /** Graph answers the update before it shows the photo: a card of where it shows follows it until Microsoft 365 agrees. */
    @Test
    void whenMicrosoft365TakesAWhileToShowTheNewPhotoACardFollowsItUntilItDoes() throws Exception {
        SimUser person = newPerson("Pål Propagert");
        tenant.delayPhotoUpdates(Duration.ofSeconds(3));
        String etagBefore = person.photoEtag();
        ObjectNode sent = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(sent);
        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);

        teams.post(tap(sent, person.id(), button(preview.card(), "Use it"), preview.activityId()));

        List<SimulatedBotConnector.Sent> cards = awaitSent(sent, 4);
        assertThat(cards).filteredOn(card -> card.activityId().equals(preview.activityId())).last()
                .satisfies(result -> assertThat(texts(result.card())).contains("Your new photo is set").contains("does not show it everywhere yet"));
        SimulatedBotConnector.Sent watching = cards.stream().filter(card -> card.method().equals("POST") && !card.activityId().equals(preview.activityId()))
                .findFirst().orElseThrow();
        assertThat(texts(watching.card())).contains("Where your new photo shows")
                .contains("Microsoft 365 (Outlook, Teams): ⏳ still the previous photo").contains("SharePoint profile: ✔ the new photo");
        assertThat(blue(centre(ImageIO.read(new ByteArrayInputStream(shownMedium(person)))))).as("SharePoint has it already").isTrue();

        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.activityId().equals(watching.activityId())
                && texts(s.card()).contains("both show the new photo now")), Duration.ofSeconds(30));
        List<SimulatedBotConnector.Sent> done = tenant.botConnector().sentTo(TeamsChannel.conversationOf(sent));
        assertThat(texts(done.get(done.size() - 1).card())).contains("Microsoft 365 (Outlook, Teams): ✔ the new photo");
        assertThat(person.photoEtag()).isNotEqualTo(etagBefore);
        assertThat(audit.latestAbout(person.id(), 10)).extracting(AuditEntry::outcome).contains("changed", "propagated");
        assertThat(audit.lastSyncedEtag(person.id())).as("a scan sees the new photo as current").contains(person.photoEtag());
    }

    @Test
    void aFileSentInTeamsIsPreviewedThenUseItSetsItInMicrosoft365AndSharePoint() throws Exception {
        SimUser person = newPerson("Nora New");
        String etagBefore = person.photoEtag();
        ObjectNode sent = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 1200, 800)));

        teams.post(sent);

        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);
        assertThat(texts(preview.card())).contains("Use this as your photo?").contains("648×648 pixels").contains("Nothing changes until you tap Use it");
        assertThat(preview.card().findValues("url")).anySatisfy(url -> assertThat(url.asText()).startsWith("data:image/jpeg;base64,"));
        assertThat(person.photoEtag()).as("nothing is written before Use it").isEqualTo(etagBefore);

        assertThat(teams.post(tap(sent, person.id(), button(preview.card(), "Use it"), preview.activityId())).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> cards = awaitSent(sent, 3);
        assertThat(cards.get(1).method()).isEqualTo("PUT");
        assertThat(cards.get(1).activityId()).as("the preview itself turns into the progress card").isEqualTo(preview.activityId());
        assertThat(texts(cards.get(1).card())).contains("Setting your new photo");
        assertThat(cards.get(2).activityId()).isEqualTo(preview.activityId());
        assertThat(texts(cards.get(2).card())).contains("Your new photo is set").contains("Microsoft 365: photo set with your sign-in");
        assertThat(buttons(cards.get(2).card(), "Undo")).as("undo would put SharePoint back but not Microsoft 365").isEmpty();

        assertThat(person.photoEtag()).as("Microsoft 365 has a new photo").isNotEqualTo(etagBefore);
        BufferedImage microsoft365 = ImageIO.read(new ByteArrayInputStream(person.photoBytes()));
        assertThat(microsoft365.getWidth()).isEqualTo(648).isEqualTo(microsoft365.getHeight());
        assertThat(blue(centre(microsoft365))).isTrue();
        assertThat(blue(centre(ImageIO.read(new ByteArrayInputStream(shownMedium(person)))))).as("SharePoint shows it").isTrue();
        assertThat(audit.latestAbout(person.id(), 5)).filteredOn(entry -> entry.action().equals("new-photo")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo("changed");
                    assertThat(entry.requesterId()).isEqualTo(person.id());
                });

        ObjectNode again = tap(sent, person.id(), button(preview.card(), "Use it"), null);
        teams.post(again);
        assertThat(texts(awaitSent(sent, 4).get(3).card())).as("a used picture is gone").contains("That picture is no longer waiting");
    }

    @Test
    void aPicturePastedIntoTheMessageIsFetchedWithTheBotsToken() throws Exception {
        SimUser person = newPerson("Pia Pasted");
        int refusedBefore = tenant.botConnector().refusedDownloads();
        ObjectNode sent = withAttachment(person, "use this as my photo", tenant.botConnector().inlineImage(png(wide(Color.BLUE), 500, 500), "image/png"));

        teams.post(sent);

        assertThat(texts(awaitSent(sent, 1).get(0).card())).contains("Use this as your photo?").contains("500×500 pixels");
        assertThat(tenant.botConnector().refusedDownloads()).as("the download carried a valid Bot Connector token").isEqualTo(refusedBefore);
    }

    @Test
    void theBotsTokenNeverGoesToAHostOtherThanTheConversationsServiceUrl() throws Exception {
        SimUser person = newPerson("Hugo Host");
        String elsewhere = tenant.baseUrl() + "/v3/attachments/stolen/views/original";
        ObjectNode image = tenant.botConnector().inlineImage(png(wide(Color.BLUE), 100, 100), "image/png").put("contentUrl", elsewhere);
        ObjectNode sent = withAttachment(person, "", image);

        teams.post(sent);

        assertThat(texts(awaitSent(sent, 1).get(0).card())).as("not taken for a picture: the help card").contains("sync my photo");
        assertThat(tenant.receivedRequests()).extracting(ReceivedRequest::path).doesNotContain("/v3/attachments/stolen/views/original");
    }

    /** A file's link is followed only to the tenant's OneDrive host: an activity cannot point the bot anywhere else. */
    @Test
    void aFileLinkOutsideTheTenantsOneDriveIsNotFollowed() throws Exception {
        SimUser person = newPerson("Olav Outside");
        ObjectNode file = tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400));
        String elsewhere = file.path("content").path("downloadUrl").asText().replace("://localhost:", "://127.0.0.1:");
        ((ObjectNode) file.path("content")).put("downloadUrl", elsewhere);
        int before = tenant.receivedRequests().size();
        ObjectNode sent = withAttachment(person, "", file);

        teams.post(sent);

        assertThat(texts(awaitSent(sent, 1).get(0).card())).contains("I couldn't fetch your picture");
        assertThat(tenant.receivedRequests().subList(before, tenant.receivedRequests().size())).extracting(ReceivedRequest::path)
                .noneMatch(path -> path.contains("download.aspx"));
    }

    @Test
    void whatCannotBeUsedIsRefusedAndNothingIsWritten() throws Exception {
        SimUser person = newPerson("Rita Refused");
        String etagBefore = person.photoEtag();
        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        thirtyMegabytes[0] = (byte) 0xFF;
        thirtyMegabytes[1] = (byte) 0xD8;
        ObjectNode huge = withAttachment(person, "", tenant.teamsFile(person, "huge.jpg", thirtyMegabytes));
        ObjectNode pdf = withAttachment(person, "", tenant.teamsFile(person, "cv.jpg", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII)));
        ObjectNode wide = withAttachment(person, "", tenant.teamsFile(person, "panorama.png", pngHeaderOnly(20_000, 20_000)));

        for (ObjectNode message : List.of(huge, pdf, wide)) {
            teams.post(message);
        }

        assertThat(texts(awaitSent(huge, 1).get(0).card())).contains("I can't use that picture").contains("is larger than 10 MB").contains("Nothing was changed");
        assertThat(texts(awaitSent(pdf, 1).get(0).card())).contains("is not an image PhotoSync can read");
        assertThat(texts(awaitSent(wide, 1).get(0).card())).contains("is more than 8,000 pixels wide or high");
        assertThat(person.photoEtag()).isEqualTo(etagBefore);
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).contains("");
    }

    @Test
    void aPolicyThatForbidsItIsNamedBeforeAnythingIsKept() throws Exception {
        SimUser person = newPerson("Olga Onprem");
        tenant.setPhotoPolicy("onPremises", List.of());
        ObjectNode onPremises = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(onPremises);
        assertThat(texts(awaitSent(onPremises, 1).get(0).card())).contains("Photos are managed on-premises here").contains("photoUpdateSettings");

        tenant.setPhotoPolicy("cloud", List.of("62e90394-69f5-4237-9190-012177145e10"));
        ObjectNode roles = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(roles);
        JsonNode card = awaitSent(roles, 1).get(0).card();
        assertThat(texts(card)).contains("Only some admins may change photos here").contains("Ask your helpdesk");
        assertThat(buttons(card, "Use it")).isEmpty();
    }

    @Test
    void microsoft365RefusingTheChangeIsSaidAndSharePointIsLeftAlone() throws Exception {
        SimUser person = newPerson("Ivar Intervened");
        String etagBefore = person.photoEtag();
        ObjectNode sent = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(sent);
        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);
        tenant.setPhotoPolicy("cloud", List.of("62e90394-69f5-4237-9190-012177145e10"));

        teams.post(tap(sent, person.id(), button(preview.card(), "Use it"), preview.activityId()));

        JsonNode result = awaitSent(sent, 3).get(2).card();
        assertThat(texts(result)).contains("Microsoft 365 refused your new photo").contains("Access is denied").contains("ProfilePhoto.ReadWrite.All");
        assertThat(person.photoEtag()).isEqualTo(etagBefore);
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).contains("");
    }

    @Test
    void cancelDeletesThePictureAndItCannotBeUsedAfterwards() throws Exception {
        SimUser person = newPerson("Cato Cancel");
        ObjectNode sent = withAttachment(person, "", tenant.teamsFile(person, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(sent);
        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);

        teams.post(tap(sent, person.id(), button(preview.card(), "Cancel"), preview.activityId()));

        SimulatedBotConnector.Sent cancelled = awaitSent(sent, 2).get(1);
        assertThat(cancelled.activityId()).isEqualTo(preview.activityId());
        assertThat(texts(cancelled.card())).contains("Cancelled").contains("deleted the picture you sent");
        teams.post(tap(sent, person.id(), button(preview.card(), "Use it"), null));
        assertThat(texts(awaitSent(sent, 3).get(2).card())).contains("That picture is no longer waiting");
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).contains("");
    }

    @Test
    void someoneElsesPreviewCannotBeUsed() throws Exception {
        SimUser owner = newPerson("Ola Owner");
        SimUser other = newPerson("Tor Taker");
        String etagBefore = owner.photoEtag();
        ObjectNode sent = withAttachment(owner, "", tenant.teamsFile(owner, "me.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        teams.post(sent);
        String command = button(awaitSent(sent, 1).get(0).card(), "Use it").path("data").path("command").asText();

        ObjectNode taken = teams.message(other.id(), "en-US", command);
        teams.post(taken);

        assertThat(texts(awaitSent(taken, 1).get(0).card())).contains("That picture is no longer waiting");
        assertThat(owner.photoEtag()).isEqualTo(etagBefore);
    }

    @Test
    void changeMyPhotoSaysHowAndTheNorwegianPreviewAnswersInNorwegian() throws Exception {
        SimUser person = newPerson("Kari Kvadrat");
        ObjectNode ask = teams.message(person.id(), "en-US", "endre bildet mitt");
        teams.post(ask);
        assertThat(texts(awaitSent(ask, 1).get(0).card())).contains("Send meg det nye bildet ditt");

        ObjectNode sent = withAttachment(person, "", tenant.teamsFile(person, "meg.jpg", jpeg(wide(Color.BLUE), 400, 400)));
        sent.put("locale", "nb-NO");
        teams.post(sent);
        JsonNode preview = awaitSent(sent, 1).get(0).card();
        assertThat(texts(preview)).contains("Vil du bruke dette som bildet ditt?");
        assertThat(button(preview, "Bruk det").path("data").path("command").asText()).startsWith("bruk nytt bilde ");
        assertThat(button(preview, "Avbryt").path("data").path("command").asText()).startsWith("avbryt nytt bilde ");
    }

    @Test
    void anOperatorSetsAColleaguesPhotoFromAPictureAndTheColleagueIsTold() throws Exception {
        SimUser colleague = newPerson("Vilde Visited");
        ObjectNode hello = teams.message(colleague.id(), "en-US", "help");
        teams.post(hello);
        awaitSent(hello, 1);
        SimUser operator = tenant.user(Personas.ALEX);
        ObjectNode sent = withAttachment(operator, "set photo for " + colleague.userPrincipalName(),
                tenant.teamsFile(operator, "vilde.jpg", jpeg(wide(Color.BLUE), 1200, 800)));

        teams.post(sent);

        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);
        assertThat(texts(preview.card())).contains("Use this as Vilde Visited's photo?").contains("Vilde Visited is told");
        teams.post(tap(sent, Personas.ALEX, button(preview.card(), "Use it"), preview.activityId()));

        List<SimulatedBotConnector.Sent> cards = awaitSent(sent, 3);
        assertThat(texts(cards.get(1).card())).contains("Setting Vilde Visited's new photo");
        assertThat(texts(cards.get(2).card())).contains("Vilde Visited's new photo is set").contains("Microsoft 365: photo set with PhotoSync's app permission");
        assertThat(blue(centre(ImageIO.read(new ByteArrayInputStream(colleague.photoBytes()))))).as("Microsoft 365, app-only").isTrue();
        assertThat(blue(centre(ImageIO.read(new ByteArrayInputStream(shownMedium(colleague)))))).as("SharePoint").isTrue();
        assertThat(texts(awaitSent(hello, 2).get(1).card())).as("the colleague is told").contains("The helpdesk set your new photo")
                .contains("Alex Wilber from the helpdesk");
        assertThat(audit.latestAbout(colleague.id(), 5)).filteredOn(entry -> entry.action().equals("new-photo")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.outcome()).isEqualTo("changed");
                    assertThat(entry.requesterId()).isEqualTo(Personas.ALEX);
                    assertThat(entry.mode()).isEqualTo("app-only");
                });
    }

    @Test
    void setPhotoForWithoutAPictureSaysHowAndSomeoneWhoIsNotAnOperatorIsRefused() throws Exception {
        SimUser colleague = newPerson("Siri Sansbilde");
        String etagBefore = colleague.photoEtag();
        ObjectNode bare = teams.message(Personas.ALEX, "en-US", "set photo for " + colleague.userPrincipalName());
        SimUser adele = tenant.user(Personas.ADELE);
        ObjectNode notOperator = withAttachment(adele, "set photo for " + colleague.userPrincipalName(),
                tenant.teamsFile(adele, "x.jpg", jpeg(wide(Color.BLUE), 400, 400)));

        teams.post(bare);
        teams.post(notOperator);

        assertThat(texts(awaitSent(bare, 1).get(0).card())).contains("Attach Siri Sansbilde's new photo");
        assertThat(texts(awaitSent(notOperator, 1).get(0).card())).contains("Only helpdesk operators");
        assertThat(audit.byCorrelation(notOperator.path("id").asText())).singleElement().satisfies(refusal -> {
            assertThat(refusal.action()).isEqualTo("new-photo");
            assertThat(refusal.outcome()).isEqualTo("refused-not-operator");
        });
        assertThat(colleague.photoEtag()).isEqualTo(etagBefore);
    }

    /** A 1:1 message as Teams sends it with a file or picture: the attachment, and the HTML copy of the text. */
    private ObjectNode withAttachment(SimUser sender, String text, ObjectNode attachment) {
        ObjectNode message = teams.message(sender.id(), "en-US", text);
        message.putArray("attachments").add(attachment).addObject().put("contentType", "text/html").put("content", "<p>" + text + "</p>");
        return message;
    }

    private static JsonNode button(JsonNode card, String title) {
        List<JsonNode> found = buttons(card, title);
        assertThat(found).as("the " + title + " button on " + card).hasSize(1);
        return found.get(0);
    }

    /** Blue in the middle, red at the sides: only a centre crop comes out all blue. */
    private static BufferedImage wide(Color middle) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1200, 800);
        g.setColor(middle);
        g.fillRect(200, 0, 800, 800);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image, int width, int height) throws IOException {
        return encode(image, width, height, "jpg");
    }

    private static byte[] png(BufferedImage image, int width, int height) throws IOException {
        return encode(image, width, height, "png");
    }

    private static byte[] encode(BufferedImage image, int width, int height, String format) throws IOException {
        BufferedImage sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sized.createGraphics();
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(sized, format, out);
        return out.toByteArray();
    }

    /** A PNG that claims {@code width}×{@code height} pixels and carries almost none: what a decompression bomb's header looks like. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Color centre(BufferedImage image) {
        return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    }

    private static boolean blue(Color colour) {
        return colour.getBlue() > 200 && colour.getRed() < 60 && colour.getGreen() < 60;
    }
}
