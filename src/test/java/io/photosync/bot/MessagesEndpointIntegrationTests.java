package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.Continue;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void refusesChannelTokensFromEntraUnlessConfiguredToAcceptThem() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "help");
        String token = tenant.channelTokenFromEntra(PhotoSyncIntegrationTest.BOT_APP_ID, tenant.botConnector().serviceUrl(), Forgery.NONE);

        assertThat(teams.post(message.toString(), "Bearer " + token).statusCode()).isEqualTo(401);
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
        assertThat(teams.post("{}", genuine()).statusCode()).isEqualTo(400);
        assertThat(teams.post("", genuine()).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer not-a-jwt", "Bearer eyJhbGciOiJSUzI1NiJ9.e30", "Bearer WzEsMl0.e30.c2ln",
            "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.eyJleHAiOiJ0b21vcnJvdyIsImlzcyI6Imh0dHBzOi8vYXBpLmJvdGZyYW1ld29yay5jb20ifQ.c2ln",
            "Bearer a.b.c.d", "Bearer ", "Bearer", "bearer x", "Digest x", "Bearer \u00e9t\u00e9"})
    void answersMalformedTokensWithUnauthorizedAndAShortReason(String authorization) {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");

        HttpResponse<String> response = teams.post(message.toString(), authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"error\"").contains("\"correlationId\"").doesNotContainPattern(HostileFire.INTERNALS);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(message))).isEmpty();
    }

    @Test
    void refusesAnUnauthenticatedRequestBeforeReadingItsBody() throws Exception {
        assertThat(teams.post("{not json at all", null).statusCode()).as("not 400: the body was never parsed").isEqualTo(401);

        // With Expect: 100-continue the server says whether it wants the body: it does not.
        byte[] body = new byte[200 * 1024];
        Continue.Answer answer = Continue.post(URI.create(endpoint()),
                new HostileTraffic.Request("unauthenticated", "application/json", body, "Bearer forged"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.sentBody()).as("the body never crossed").isFalse();
    }

    @Test
    void refusesAnActivityFromAChannelTheSigningKeyDoesNotEndorse() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");
        message.put("channelId", "webchat");

        assertThat(teams.post(message).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAnActivityWithoutAServiceUrl() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");
        message.remove("serviceUrl");

        HttpResponse<String> response = teams.post(message);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("serviceUrl");
    }

    @Test
    void refusesABodyOverTheLimitBeforeBufferingIt() throws Exception {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "x".repeat(300 * 1024));

        HttpResponse<String> declared = teams.post(message);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("262144 bytes");

        // Chunked: no length to check first, so the stream itself is cut off at the limit.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "application/json").header("Authorization", genuine())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        message.toString().getBytes(StandardCharsets.UTF_8)))).build();
        assertThat(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    }

    @Test
    void refusesSixHundredMegabyteBodiesAtOnceAndStaysHealthy() throws Exception {
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            List<Future<Continue.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(six.submit(() -> Continue.post(URI.create(endpoint()), "application/json", genuine(), 100L * 1024 * 1024)));
            }
            for (Future<Continue.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(413);
                assertThat(answer.get().sentBody()).isFalse();
            }
        } finally {
            six.shutdownNow();
        }
        assertThat(teams.post(teams.message(Personas.ADELE, "en-US", "help")).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/xml", "*/*"})
    void answersOtherContentTypesWithUnsupportedMediaType(String contentType) throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", contentType).header("Authorization", genuine())
                .POST(HttpRequest.BodyPublishers.ofString(teams.message(Personas.ADELE, "en-US", "help").toString())).build();

        assertThat(HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    /** Teams' own shapes, as captured: each is taken, and a token exchange with a made-up token gets 412, Teams' cue to fall back. */
    @Test
    void acceptsEveryCapturedTeamsActivity() {
        for (ObjectNode activity : HostileTraffic.teamsShapes(tenant.botConnector().serviceUrl())) {
            HttpResponse<String> response = teams.post(activity.toString(), genuine());

            String what = activity.path("type").asText() + " " + activity.path("name").asText();
            if (what.equals("invoke signin/tokenExchange")) {
                // A fresh exchange: the captured id may have been claimed already by another test's traffic.
                activity.with("value").put("id", UUID.randomUUID().toString());
                response = teams.post(activity.toString(), genuine());
                assertThat(response.statusCode()).as(what).isEqualTo(412);
                assertThat(response.body()).contains("failureDetail");
            } else {
                assertThat(response.statusCode()).as(what).isBetween(200, 299);
            }
        }
    }

    private String genuine() {
        return "Bearer " + tenant.botConnector().channelToken(PhotoSyncIntegrationTest.BOT_APP_ID, Forgery.NONE);
    }

    private String endpoint() {
        return "http://localhost:" + port + "/api/messages";
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
                Duration.ofSeconds(20));
        SimulatedBotConnector.Sent result = tenant.botConnector().sentTo(conversation).get(1);
        assertThat(result.card().toString()).contains("Your SharePoint photo is up to date");
    }
}
