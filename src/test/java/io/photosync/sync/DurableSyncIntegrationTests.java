package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Syncs as durable jobs, seen from Teams: card buttons, repeated deliveries, installs, throttling. */
class DurableSyncIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    DataSource dataSource;

    @AfterEach
    void calmDown() {
        tenant.throttle(Api.SHAREPOINT, 0, Duration.ZERO);
        tenant.botConnector().refuseNext(0, 429, Duration.ZERO);
    }

    @Test
    void retriesACardUpdateTeamsRefusedAndDeliversItOnce() throws Exception {
        tenant.botConnector().refuseNext(1, 429, Duration.ofSeconds(1));
        ObjectNode invoke = executeSyncInvoke(Personas.ADELE, "card-throttled-1");

        assertThat(teams.post(invoke).statusCode()).isEqualTo(200);

        List<SimulatedBotConnector.Sent> sent = awaitSent(TeamsChannel.conversationOf(invoke), 1);
        Thread.sleep(1_500);
        sent = tenant.botConnector().sentTo(TeamsChannel.conversationOf(invoke));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).method()).isEqualTo("PUT");
        assertThat(sent.get(0).card().toString()).contains("Your SharePoint photo is up to date");
    }

    @Test
    void makesOneJobOfARepeatedDelivery() throws Exception {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);
        assertThat(teams.post(message).statusCode()).isEqualTo(202);

        String conversation = TeamsChannel.conversationOf(message);
        awaitSent(conversation, 2);
        Thread.sleep(500);
        assertThat(tenant.botConnector().sentTo(conversation)).hasSize(2);
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from sync_job where request_key like ?")
                .param("%" + message.path("id").asText()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void makesOneJobOfARepeatedInvoke() throws Exception {
        ObjectNode invoke = executeSyncInvoke(Personas.NESTOR, "card-twice-1");

        assertThat(teams.post(invoke).statusCode()).isEqualTo(200);
        assertThat(teams.post(invoke).statusCode()).isEqualTo(200);

        awaitSent(TeamsChannel.conversationOf(invoke), 1);
        Thread.sleep(500);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(invoke))).hasSize(1);
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from sync_job where request_key like ?")
                .param("%" + invoke.path("id").asText()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void answersActionExecuteWithTheSyncingCardAndUpdatesItWhenDone() throws Exception {
        ObjectNode invoke = executeSyncInvoke(Personas.PATTI, "card-execute-1");

        HttpResponse<String> response = teams.post(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = MAPPER.readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(body.path("value").toString()).contains("Syncing your photo");
        List<SimulatedBotConnector.Sent> sent = awaitSent(TeamsChannel.conversationOf(invoke), 1);
        assertThat(sent.get(0).method()).isEqualTo("PUT");
        assertThat(sent.get(0).activityId()).isEqualTo("card-execute-1");
        assertThat(sent.get(0).card().toString()).contains("Your SharePoint photo is up to date");
    }

    @Test
    void turnsTheCardIntoSyncingOnActionSubmitAndUpdatesItWhenDone() throws Exception {
        ObjectNode submit = teams.message(Personas.ISAIAH, "en-US", null);
        submit.remove("text");
        submit.put("replyToId", "card-submit-1");
        submit.putObject("value").put("photosync", "sync-my-photo");

        assertThat(teams.post(submit).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(TeamsChannel.conversationOf(submit), 2);
        assertThat(sent).extracting(SimulatedBotConnector.Sent::method).containsExactly("PUT", "PUT");
        assertThat(sent).extracting(SimulatedBotConnector.Sent::activityId).containsOnly("card-submit-1");
        assertThat(sent.get(0).card().toString()).contains("Syncing your photo");
        assertThat(sent.get(1).card().toString()).contains("Your SharePoint photo is up to date");
    }

    @Test
    void welcomesOnInstallRemembersTheConversationAndForgetsItOnUninstall() throws Exception {
        ObjectNode added = teams.installed(Personas.NESTOR, "en-US");

        assertThat(teams.post(added).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(TeamsChannel.conversationOf(added), 1);
        assertThat(sent.get(0).card().toString()).contains("Sync my photo").contains("Action.Execute");
        assertThat(installed(Personas.NESTOR)).containsExactly(true);

        ObjectNode removed = teams.message(Personas.NESTOR, "en-US", null);
        removed.remove("text");
        removed.put("type", "installationUpdate").put("action", "remove");
        assertThat(teams.post(removed).statusCode()).isEqualTo(202);
        assertThat(installed(Personas.NESTOR)).containsExactly(false);
    }

    @Test
    void queuesAThrottledSyncTellsTheUserAndFinishesItLater() throws Exception {
        // The first attempt meets 429 on every try SharePoint's client makes; the second goes through.
        tenant.throttle(Api.SHAREPOINT, 4, Duration.ZERO);
        ObjectNode message = teams.message(Personas.MEGAN, "en-US", "sync my photo");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);

        List<SimulatedBotConnector.Sent> sent = awaitSent(TeamsChannel.conversationOf(message), 3);
        assertThat(sent.get(0).card().toString()).contains("Syncing your photo");
        assertThat(sent.get(1).card().toString()).contains("Your sync is queued");
        assertThat(sent.get(2).card().toString()).contains("Your SharePoint photo is up to date");
        assertThat(sent.subList(1, 3)).extracting(SimulatedBotConnector.Sent::activityId).containsOnly(sent.get(0).activityId());
    }

    /** What Teams sends when "Sync my photo" (Action.Execute) is tapped on the card with this id. */
    private ObjectNode executeSyncInvoke(String personaId, String cardId) {
        ObjectNode invoke = teams.message(personaId, "en-US", null);
        invoke.remove("text");
        invoke.put("type", "invoke").put("name", "adaptiveCard/action").put("replyToId", cardId);
        ObjectNode action = invoke.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "syncMyPhoto");
        action.putObject("data").put("photosync", "sync-my-photo");
        return invoke;
    }

    private List<Boolean> installed(String userObjectId) {
        return JdbcClient.create(dataSource).sql("select installed from conversation_reference where user_object_id = ?")
                .param(userObjectId).query(Boolean.class).list();
    }

}
