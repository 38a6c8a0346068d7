package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.jobs.SyncJobListener;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.teams.TeamsChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sandbox mode as the Agents Playground meets it: no app id, no Authorization header, users with
 * the Playground's object ids. The bot answers and syncs against the simulated tenant.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "photosync.sandbox.port=0",
        "photosync.sandbox.connector-port=0"})
class SandboxModeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    List<SyncJobListener> listeners;

    /** As the job runner is given them: the audit entry first, then the job's card shows the result, then a watch sends its own card. */
    @Test
    void aJobsEndIsAuditedThenShownOnItsCardBeforeAnythingElse() {
        assertThat(listeners.get(0).getClass().getSimpleName()).isEqualTo("SyncAudit");
        assertThat(listeners.get(1)).isInstanceOf(SyncJobReplies.class);
        assertThat(listeners).hasAtLeastOneElementOfType(PropagationWatch.class);
    }

    @Test
    void saysAtStartHowToTryIt(CapturedOutput output) {
        assertThat(output.getOut()).contains("PhotoSync sandbox mode")
                .contains("src/e2e folder")
                .contains("npx --yes @microsoft/m365agentsplayground@0.2.28 -e http://localhost:" + port + "/api/messages -c msteams")
                .contains("http://localhost:56150")
                .contains("Adele Vance").contains("user-id-2");
    }

    /** HostileTraffic, as in HostileTrafficIntegrationTests, where nothing is authenticated and every body is read. */
    @Test
    void answersNoHostileRequestWithAServerErrorAndStillSyncsAfterwards() throws Exception {
        long seed = HostileTrafficIntegrationTests.SEED + 1;
        HostileTraffic traffic = new HostileTraffic(seed, tenant.botConnector().serviceUrl(), null);

        HostileFire.Result result = HostileFire.fire("http://localhost:" + port + "/api/messages", traffic, HostileTrafficIntegrationTests.COUNT, 4);

        assertThat(result.failures()).as("seed %d: %s", seed, result.statuses()).isEmpty();
        assertThat(result.statuses()).containsKeys(202, 400, 403, 413, 415);

        TeamsChannel playground = new TeamsChannel(port, "00000000-0000-0000-0000-00000000000011", tenant);
        ObjectNode message = playground.message(Personas.MEGAN, "en-US", "sync my photo");
        assertThat(playground.post(message.toString(), null).statusCode()).isEqualTo(202);
        String conversation = TeamsChannel.conversationOf(message);
        assertThat(tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(conversation)).count() >= 2,
                Duration.ofSeconds(20)).stream().filter(s -> s.conversationId().equals(conversation)).toList().get(1).card().toString())
                .contains("Your SharePoint photo is up to date");
    }

    @Test
    void syncsForAPlaygroundUserWithoutAnyAuthentication() throws Exception {
        TeamsChannel playground = new TeamsChannel(port, "00000000-0000-0000-0000-00000000000011", tenant);
        ObjectNode message = playground.message(Personas.ALEX, "en-US", "sync my photo");
        message.put("id", "playground-1");

        assertThat(playground.post(message.toString(), null).statusCode()).isEqualTo(202);

        String conversation = TeamsChannel.conversationOf(message);
        List<SimulatedBotConnector.Sent> sent = tenant.botConnector().awaitSent(
                all -> all.stream().filter(s -> s.conversationId().equals(conversation)).count() >= 2, Duration.ofSeconds(20));
        assertThat(sent.stream().filter(s -> s.conversationId().equals(conversation)).toList().get(1).card().toString())
                .contains("Your SharePoint photo is up to date");
        assertThat(tenant.sharePoint().photoFile("alexw_contoso_onmicrosoft_com_LThumb.jpg")).as("SharePoint's own renditions, written as Alex").isPresent();
    }
}
