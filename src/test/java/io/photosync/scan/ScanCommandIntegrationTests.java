package io.photosync.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "scan" in Teams: the operator's card shows progress and then the counts; nothing is changed in report mode. */
class ScanCommandIntegrationTests extends TeamsChannelTestBase {

    @Test
    void anOperatorScansTheTenantAndTheCardEndsWithTheCounts() throws Exception {
        ObjectNode ask = teams.message(Personas.ALEX, "en-US", "scan");

        assertThat(teams.post(ask).statusCode()).isEqualTo(202);

        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat)
                && s.card().toString().contains("Scan finished")), Duration.ofSeconds(60));
        List<SimulatedBotConnector.Sent> sent = tenant.botConnector().sentTo(chat);
        assertThat(texts(sent.get(0).card())).contains("Scanning the tenant").contains("report only");
        SimulatedBotConnector.Sent last = sent.get(sent.size() - 1);
        assertThat(last.method()).isEqualTo("PUT");
        assertThat(last.activityId()).isEqualTo(sent.get(0).activityId());
        assertThat(texts(last.card())).contains("people checked").contains("Nothing was changed");
        assertThat(last.card().toString()).contains("{\"title\":\"Missing\",\"value\":").contains("No SharePoint profile yet");
    }

    @Test
    void someoneWhoIsNotAnOperatorMayNotScan() throws Exception {
        ObjectNode ask = teams.message(Personas.MEGAN, "nb-NO", "skann og fiks");
        teams.post(ask);

        assertThat(awaitSent(ask, 1).get(0).card().toString()).contains("Bare brukerstøtte kan gjøre dette");
    }
}
