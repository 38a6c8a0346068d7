package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedBotConnector.Forgery;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.photosync.PhotoSyncIntegrationTest;

/** What {@code /api/messages} answers to requests that are not a well-formed, authenticated activity. */
class MessagesEndpointIntegrationTests extends TeamsChannelTestBase {


    @ParameterizedTest
    @EnumSource(value = Forgery.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void refusesForgedChannelTokens(Forgery forgery) {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");
        String token = tenant.botConnector().channelToken(PhotoSyncIntegrationTest.BOT_APP_ID, forgery);

        HttpResponse<String> response = teams.post(message.toString(), "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(message))).isEmpty();
    }

    @Test
    void refusesRequestsWithoutAuthorization() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");

        assertThat(teams.post(message.toString(), null).statusCode()).isEqualTo(401);
        assertThat(teams.post(message.toString(), "Basic dXNlcjpwYXNz").statusCode()).isEqualTo(401);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(message))).isEmpty();
    }

    @Test
    void acceptsAGenuineChannelToken() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "help");

        assertThat(teams.post(message).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1, 2, 3]", "{\"type\": 42, \"text\": {}}", "\"message\""})
    void answersMalformedJsonWithBadRequest(String body) {
        String token = "Bearer " + tenant.botConnector().channelToken(PhotoSyncIntegrationTest.BOT_APP_ID, Forgery.NONE);

        HttpResponse<String> response = teams.post(body, token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error");
    }

    @Test
    void answersAnActivityWithoutTypeWithBadRequest() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");
        message.remove("type");

        assertThat(teams.post(message).statusCode()).isEqualTo(400);
        assertThat(teams.post("{}", null).statusCode()).isEqualTo(400);
        assertThat(teams.post("", null).statusCode()).isEqualTo(400);
    }

    @Test
    void answersAnInvokeWithItsOwnStatus() {
        ObjectNode invoke = teams.message(Personas.ADELE, "en-US", null);
        invoke.put("type", "invoke").put("name", "photosync/not-a-real-invoke");

        HttpResponse<String> response = teams.post(invoke);

        assertThat(response.statusCode()).isEqualTo(501);
    }

    @Test
    void syncsWhenTheCardButtonIsPressed() throws Exception {
        ObjectNode submit = teams.message(Personas.ISAIAH, "en-US", null);
        submit.remove("text");
        submit.putObject("value").put("photosync", "sync-my-photo");

        assertThat(teams.post(submit).statusCode()).isEqualTo(202);

        String conversation = TeamsChannel.conversationOf(submit);
        tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(conversation)).count() >= 2,
                java.time.Duration.ofSeconds(20));
        SimulatedBotConnector.Sent result = tenant.botConnector().sentTo(conversation).get(1);
        assertThat(result.card().toString()).contains("Your SharePoint photo is up to date");
    }
}
