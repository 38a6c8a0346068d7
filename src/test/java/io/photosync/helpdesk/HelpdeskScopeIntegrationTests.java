package io.photosync.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.Eventually;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.teams.TeamsChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operators limited to the Sales and Marketing group (nested Sales Interns included). Sandbox
 * mode without a bot app id, as the Agents Playground talks to it, so this context leaves the
 * SDK's static channel-token settings to the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "photosync.sandbox.port=0",
        "photosync.sandbox.connector-port=0",
        "photosync.helpdesk.scope-groups=" + Personas.SALES_AND_MARKETING_GROUP})
class HelpdeskScopeIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    AuditLog audit;

    @Test
    void anOperatorActsInsideTheScopeGroupsAndIsRefusedAndAuditedOutside() throws Exception {
        TeamsChannel playground = new TeamsChannel(port, "unused", tenant);
        ObjectNode inside = playground.message(Personas.ALEX, "en-US", "sync photo for lidiah@" + Personas.DOMAIN);
        ObjectNode outside = playground.message(Personas.ALEX, "en-US", "sync photo for nestorw@" + Personas.DOMAIN);

        assertThat(playground.post(inside.toString(), null).statusCode()).isEqualTo(202);
        assertThat(playground.post(outside.toString(), null).statusCode()).isEqualTo(202);

        assertThat(awaitSent(inside, 2).get(1).card().toString()).as("a member through the nested Sales Interns")
                .contains("Lidia Holloway");
        assertThat(awaitSent(outside, 1).get(0).card().toString()).contains("Outside your helpdesk scope").contains("Nestor Wilke");
        List<AuditEntry> refusal = audit.byCorrelation(outside.path("id").asText());
        assertThat(refusal).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo("refused-out-of-scope");
            assertThat(entry.subjectId()).isEqualTo(Personas.NESTOR);
            assertThat(entry.requesterUpn()).isEqualTo("alexw@" + Personas.DOMAIN);
        });
        Thread.sleep(300);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(outside))).hasSize(1);
    }

    @Test
    void scanAndFixSyncsOnlyThePeopleInScope() throws Exception {
        TeamsChannel playground = new TeamsChannel(port, "unused", tenant);
        ObjectNode ask = playground.message(Personas.ALEX, "en-US", "scan and fix");

        assertThat(playground.post(ask.toString(), null).statusCode()).isEqualTo(202);

        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat)
                && s.card().toString().contains("Scan finished")), PATIENCE);
        Eventually.await(() -> tenant.sharePoint().photoFile(Personas.ADELE + "_MThumb.jpg").isPresent()
                && tenant.sharePoint().photoFile(Personas.PATTI + "_MThumb.jpg").isPresent(), PATIENCE);
        Thread.sleep(500);
        assertThat(tenant.sharePoint().photoFile(Personas.NESTOR + "_MThumb.jpg")).as("outside the scope").isEmpty();
        assertThat(tenant.sharePoint().photoFile(Personas.ISAIAH + "_MThumb.jpg")).as("outside the scope").isEmpty();
    }

    private List<SimulatedBotConnector.Sent> awaitSent(ObjectNode activity, int count) throws InterruptedException {
        String chat = TeamsChannel.conversationOf(activity);
        tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(chat)).count() >= count, PATIENCE);
        return tenant.botConnector().sentTo(chat);
    }
}
