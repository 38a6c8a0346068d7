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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Least privilege ({@code PHOTOSYNC_SYNC_MODE=native-trigger}): PhotoSync writes nothing to
 * SharePoint; the person gets a link that makes SharePoint fetch their photo from Exchange, and a
 * card that turns ✔ when the simulated SharePoint, asked by that link, has pulled it, seen by
 * reading the profile only. The helpdesk's syncs go the same way, the link going to the colleague.
 */
@TestPropertySource(properties = "photosync.sync.mode=native-trigger")
class NativeTriggerIntegrationTests extends TeamsChannelTestBase {

    @Autowired
    OkHttpClient browser;

    @Autowired
    AuditLog audit;

    @Test
    void syncMyPhotoSendsTheLinkAndTheCardTurnsGreenWhenSharePointHasPulled() throws Exception {
        SimUser person = newPerson("Lea Leastprivilege");
        int before = tenant.receivedRequests().size();
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");

        teams.post(ask);

        List<SimulatedBotConnector.Sent> sent = awaitSent(ask, 3);
        JsonNode result = sent.stream().map(SimulatedBotConnector.Sent::card).filter(card -> texts(card).contains("Open the link"))
                .findFirst().orElseThrow();
        JsonNode open = result.findValues("actions").get(0).get(0);
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        String link = open.path("url").asText();
        assertThat(link).contains("/_layouts/15/userphoto.aspx?size=L&accountname=");
        SimulatedBotConnector.Sent watching = sent.stream().filter(card -> texts(card.card()).contains("Where your photo shows")).findFirst().orElseThrow();
        assertThat(texts(watching.card())).contains("SharePoint profile: ⏳ waiting for SharePoint to fetch it");
        assertThat(writesToSharePointSince(before)).as("least privilege: nothing written").isEmpty();
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).contains("");

        try (Response opened = browser.newCall(new Request.Builder().url(link).build()).execute()) {
            assertThat(opened.code()).as("the person opens their link").isEqualTo(200);
        }

        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.activityId().equals(watching.activityId())
                && texts(s.card()).contains("✔ SharePoint shows the photo")), Duration.ofSeconds(30));
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "SPS-PicturePlaceholderState")).contains("0");
        assertThat(writesToSharePointSince(before)).as("SharePoint pulled it itself").isEmpty();
        assertThat(audit.latestAbout(person.id(), 10)).extracting(AuditEntry::outcome).contains("pull-requested", "pulled");
        assertThat(audit.lastSyncedEtag(person.id())).as("a scan sees the pulled photo as current").contains(person.photoEtag());
    }

    @Test
    void aHelpdeskSyncSendsTheColleagueTheLinkAndTheOperatorsCardFollows() throws Exception {
        SimUser colleague = newPerson("Nils Nativ");
        ObjectNode hello = teams.message(colleague.id(), "en-US", "help");
        teams.post(hello);
        awaitSent(hello, 1);
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());

        teams.post(ask);

        List<SimulatedBotConnector.Sent> operator = awaitSent(ask, 3);
        assertThat(operator).extracting(s -> texts(s.card())).anySatisfy(text -> assertThat(text).contains("I asked Nils Nativ to refresh"))
                .anySatisfy(text -> assertThat(text).contains("Where Nils Nativ's photo shows"));
        JsonNode toColleague = awaitSent(hello, 2).get(1).card();
        assertThat(texts(toColleague)).contains("Refresh your SharePoint photo").contains("Alex Wilber asked");
        String link = toColleague.findValues("actions").get(0).get(0).path("url").asText();

        try (Response opened = browser.newCall(new Request.Builder().url(link).build()).execute()) {
            assertThat(opened.code()).isEqualTo(200);
        }

        tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(TeamsChannel.conversationOf(ask)))
                .anyMatch(s -> texts(s.card()).contains("✔ SharePoint shows the photo")), Duration.ofSeconds(30));
    }

    /** Bulk runs follow the mode too: every member gets their link, and nothing is written. */
    @Test
    void aGroupRunSendsEveryMemberTheirLinkAndWritesNothing() throws Exception {
        SimUser member = newPerson("Gro Gruppe");
        tenant.addGroup(UUID.randomUUID().toString(), "Least privilege pilots").add(member);
        ObjectNode hello = teams.message(member.id(), "en-US", "help");
        teams.post(hello);
        awaitSent(hello, 1);
        int before = tenant.receivedRequests().size();
        ObjectNode run = teams.message(Personas.ALEX, "en-US", "sync photos for group Least privilege pilots");

        teams.post(run);

        JsonNode link = awaitSent(hello, 2).get(1).card();
        assertThat(texts(link)).contains("Refresh your SharePoint photo");
        assertThat(link.findValues("actions").get(0).get(0).path("url").asText()).contains("userphoto.aspx?size=L&accountname=");
        assertThat(writesToSharePointSince(before)).isEmpty();
    }

    private List<ReceivedRequest> writesToSharePointSince(int index) {
        List<ReceivedRequest> all = tenant.receivedRequests();
        return all.subList(Math.min(index, all.size()), all.size()).stream()
                .filter(request -> request.path().startsWith("/sp-") && !request.method().equals("GET")).toList();
    }
}
