package io.photosync.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SandboxSso;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SsoToken;
import io.photosync.teams.EntraBrowser;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams SSO as Teams does it: the bot sends a sign-in card, Teams answers with
 * {@code signin/tokenExchange} (once per open client), and the request resumes or Teams falls back
 * to the sign-in button, which opens PhotoSync's consent page.
 */
class TeamsSsoIntegrationTests extends TeamsChannelTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SandboxSso sandboxSso;

    @Autowired
    OkHttpClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SsoExchange sso;

    @BeforeEach
    void likeTeams() {
        sandboxSso.setEnabled(false);
    }

    @AfterEach
    void likeThePlayground() {
        sandboxSso.setEnabled(true);
    }

    @Test
    void signsInSilentlyThenSyncsWithThePersonsOwnRights() throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");
        assertThat(teams.post(ask).statusCode()).isEqualTo(202);
        JsonNode signInCard = awaitSignInCard(ask, 1);
        assertThat(signInCard.path("tokenExchangeResource").path("uri").asText()).isEqualTo("api://botid-" + PhotoSyncIntegrationTest.BOT_APP_ID);
        assertThat(signInCard.path("buttons").get(0).path("type").asText()).isEqualTo("signin");
        assertThat(signInCard.path("buttons").get(0).path("value").asText()).contains("/sign-in?request=");

        HttpResponse<String> exchanged = teams.post(teams.tokenExchange(ask, signInCard, tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID)));

        assertThat(exchanged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(exchanged.body()).path("id").asText()).isEqualTo(signInCard.path("tokenExchangeResource").path("id").asText());
        List<SimulatedBotConnector.Sent> sent = awaitSent(ask, 3);
        assertThat(sent.get(1).card().toString()).contains("Syncing your photo");
        assertThat(sent.get(2).method()).isEqualTo("PUT");
        assertThat(sent.get(2).card().toString()).contains("Your SharePoint photo is up to date").contains("as you, with your own SharePoint rights");
        assertThat(tenant.receivedRequests()).anyMatch(r -> r.path().endsWith("/SetMyProfilePicture"));

        ObjectNode again = teams.message(person.id(), "en-US", "sync my photo");
        teams.post(again);
        assertThat(awaitSent(again, 2).get(0).card().toString()).as("signed in now: no second sign-in card").contains("Syncing your photo");
    }

    @Test
    void someoneElsePresentingYourExchangeIdFirstNeitherSignsInNorDropsYourRequest() throws Exception {
        SimUser person = newPerson("SSO Victim");
        SimUser mallory = newPerson("SSO Mallory");
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");
        assertThat(teams.post(ask).statusCode()).isEqualTo(202);
        JsonNode signInCard = awaitSignInCard(ask, 1);

        ObjectNode stolen = teams.tokenExchange(teams.message(mallory.id(), "en-US", null), signInCard,
                tenant.ssoToken(mallory.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID));
        HttpResponse<String> refused = teams.post(stolen);

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.body()).contains("belongs to someone else");
        assertThat(teams.post(teams.tokenExchange(ask, signInCard, tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID)))
                .statusCode()).isEqualTo(200);
        assertThat(awaitSent(ask, 3).get(2).card().toString()).as("the victim's request resumed").contains("Your SharePoint photo is up to date");
    }

    @Test
    void aTappedCardWaitsForSignInThenTurnsIntoTheResult() throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode tap = TeamsChannel.invoke(teams.message(person.id(), "en-US", null), "adaptiveCard/action");
        tap.put("replyToId", "1:the-welcome-card");
        tap.putObject("value").putObject("action").put("type", "Action.Execute").put("verb", "syncMyPhoto")
                .putObject("data").put("photosync", "sync-my-photo");

        HttpResponse<String> answer = teams.post(tap);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Signing you in");
        JsonNode signInCard = awaitSignInCard(tap, 1);
        assertThat(teams.post(teams.tokenExchange(tap, signInCard, tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID)))
                .statusCode()).isEqualTo(200);
        List<SimulatedBotConnector.Sent> sent = awaitSent(tap, 3);
        assertThat(sent.subList(1, 3)).allSatisfy(update -> {
            assertThat(update.method()).isEqualTo("PUT");
            assertThat(update.activityId()).isEqualTo("1:the-welcome-card");
        });
        assertThat(sent.get(1).card().toString()).contains("Syncing your photo");
        assertThat(sent.get(2).card().toString()).contains("Your SharePoint photo is up to date");
    }

    @Test
    void handlesTheExchangeOnceWhenEveryOpenTeamsClientSendsIt() throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = askToSync(person);
        JsonNode signInCard = awaitSignInCard(ask, 1);
        String token = tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);
        tenant.clearReceivedRequests();

        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Callable<Integer> client = () -> teams.post(teams.tokenExchange(ask, signInCard, token)).statusCode();
            answers.add(clients.submit(client));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        clients.shutdown();

        awaitSent(ask, 3);
        Thread.sleep(500);
        assertThat(tenant.receivedRequests()).filteredOn(r -> r.path().endsWith("/oauth2/v2.0/token")).as("Graph and My Site, once each").hasSize(2);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(ask))).filteredOn(s -> s.card().toString().contains("Syncing your photo")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = SsoToken.class, names = {"OTHER_AUDIENCE", "EXPIRED", "OTHER_TENANT", "FORGED_SIGNATURE"})
    void answers412ToATokenThatIsNotForUsAndWritesNothing(SsoToken kind) throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = askToSync(person);
        JsonNode signInCard = awaitSignInCard(ask, 1);

        HttpResponse<String> exchanged = teams.post(teams.tokenExchange(ask, signInCard, tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, kind)));

        assertThat(exchanged.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(exchanged.body()).path("failureDetail").asText()).isNotBlank();
        assertNothingWritten(person, ask);
    }

    @Test
    void answers412ToSomeoneElsesToken() throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = askToSync(person);
        JsonNode signInCard = awaitSignInCard(ask, 1);

        HttpResponse<String> exchanged = teams.post(teams.tokenExchange(ask, signInCard, tenant.ssoToken(Personas.ADELE, PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID)));

        assertThat(exchanged.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(exchanged.body()).path("failureDetail").asText()).contains("someone other than the sender");
        assertNothingWritten(person, ask);
    }

    @Test
    void withoutConsentFallsBackToTheConsentPageThenResumes() throws Exception {
        SimUser person = newPerson("SSO Tester");
        tenant.requireConsent(PhotoSyncIntegrationTest.BOT_APP_ID, person.id());
        ObjectNode ask = teams.message(person.id(), "nb-NO", "synkroniser bildet mitt");
        teams.post(ask);
        JsonNode signInCard = awaitSignInCard(ask, 1);
        String token = tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        HttpResponse<String> refused = teams.post(teams.tokenExchange(ask, signInCard, token));

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(refused.body()).path("failureDetail").asText()).contains("AADSTS65001");

        // Teams shows the button; the person opens it, signs in and accepts.
        String page = consentInBrowser(signInCard.path("buttons").get(0).path("value").asText());
        assertThat(page).contains("Du er logget inn i PhotoSync").contains("Du kan lukke dette vinduet");
        assertThat(tenant.hasConsented(PhotoSyncIntegrationTest.BOT_APP_ID, person.id())).isTrue();

        // The bot sends the card again; Teams now exchanges silently and the request resumes.
        JsonNode second = awaitSignInCard(ask, 2);
        assertThat(second.path("tokenExchangeResource").path("id").asText()).isNotEqualTo(signInCard.path("tokenExchangeResource").path("id").asText());
        assertThat(teams.post(teams.tokenExchange(ask, second, token)).statusCode()).isEqualTo(200);
        List<SimulatedBotConnector.Sent> sent = awaitSent(ask, 4);
        assertThat(sent.get(3).card().toString()).contains("SharePoint-bildet ditt er oppdatert");
    }

    @Test
    void aSecondFactorConditionalAccessWantsIsSaidAndTheSignInPageSatisfiesItThenTheSyncResumes() throws Exception {
        SimUser person = newPerson("MFA Tester").requireMfa();
        ObjectNode ask = askToSync(person);
        JsonNode signInCard = awaitSignInCard(ask, 1);
        String token = tenant.ssoToken(person.id(), PhotoSyncIntegrationTest.BOT_APP_ID, SsoToken.VALID);

        HttpResponse<String> refused = teams.post(teams.tokenExchange(ask, signInCard, token));

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(refused.body()).path("failureDetail").asText()).contains("AADSTS50076");
        JsonNode mfaCard = awaitSignInCard(ask, 2);
        assertThat(mfaCard.path("text").asText()).contains("multi-factor authentication").contains("Tap the button");
        assertThat(mfaCard.has("tokenExchangeResource")).as("no silent exchange to fail again").isFalse();
        assertThat(mfaCard.path("buttons").get(0).path("title").asText()).isEqualTo("Sign in and confirm");
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL").orElse("")).isEmpty();

        // The button opens PhotoSync's sign-in page; Entra asks for the second factor there.
        consentInBrowser(mfaCard.path("buttons").get(0).path("value").asText());

        JsonNode again = awaitSignInCard(ask, 3);
        assertThat(teams.post(teams.tokenExchange(ask, again, token)).statusCode()).isEqualTo(200);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(sent -> sent.conversationId().equals(TeamsChannel.conversationOf(ask))
                && sent.card() != null && sent.card().toString().contains("Your SharePoint photo is up to date")), PATIENCE);
    }

    @Test
    void anUnknownOrUsedSignInLinkSaysSoAndSignsNobodyIn() throws Exception {
        OkHttpClient browser = http.newBuilder().followRedirects(false).build();
        try (Response unknown = browser.newCall(new Request.Builder().url("http://localhost:" + port + "/sign-in?request=" + UUID.randomUUID()).build()).execute()) {
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(unknown.body().string()).contains("This sign-in link has expired");
        }
        try (Response forged = browser.newCall(new Request.Builder().url("http://localhost:" + port + "/sign-in/callback?state=made-up&code=sim-code-x").build()).execute()) {
            assertThat(forged.code()).isEqualTo(400);
            assertThat(forged.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void verifyStateSendsTheCardAgain() throws Exception {
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = askToSync(person);
        awaitSignInCard(ask, 1);

        ObjectNode verify = TeamsChannel.invoke(ask, "signin/verifyState");
        verify.putObject("value").put("state", "123456");

        assertThat(teams.post(verify).statusCode()).isEqualTo(200);
        assertThat(awaitSignInCard(ask, 2).path("tokenExchangeResource").path("id").asText()).isNotBlank();
    }

    @Test
    void answersSignInFailuresWith200AndPlainWords() throws Exception {
        ObjectNode failure = TeamsChannel.invoke(teams.message(Personas.MEGAN, "en-US", null), "signin/failure");
        failure.putObject("value").put("code", "resourcematchfailed").put("message", "Resource match failed");

        assertThat(teams.post(failure).statusCode()).isEqualTo(200);

        String card = awaitSent(failure, 1).get(0).card().toString();
        assertThat(card).contains("Teams couldn't sign you in").contains("api://botid-").contains("resourcematchfailed");
    }

    @Test
    void fallsBackToAppOnlyWhenTheDelegatedWriteFailsAndRecordsWhy() throws Exception {
        sandboxSso.setEnabled(true);
        SimUser person = newPerson("SSO Tester");
        tenant.sharePoint().refuseMyPicture(1, 403);
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");

        teams.post(ask);

        String card = awaitSent(ask, 2).get(1).card().toString();
        assertThat(card).contains("Your SharePoint photo is up to date").contains("by PhotoSync's app permission")
                .contains("Your own SharePoint rights couldn't set it (SharePoint said your own rights don't reach your profile picture)");
        assertThat(tenant.sharePoint().photoFile(person.id() + "_MThumb.jpg")).as("app-only renditions").isPresent();
        assertThat(jdbc.sql("select detail from sync_job where subject_id = ?").param(person.id()).query(String.class).single())
                .contains("mode=APP_ONLY").contains("fallbackReason=permission-missing: SharePoint 403").contains("Access denied");
    }

    @Test
    void neverUploadsASourcePhotoThatIsNotAnImage() throws Exception {
        sandboxSso.setEnabled(true);
        SimUser person = newPerson("SSO Tester");
        person.setPhoto("<html>a proxy's error page</html>".getBytes(StandardCharsets.UTF_8), "image/jpeg", 648, 648);
        tenant.clearReceivedRequests();
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");

        teams.post(ask);

        assertThat(awaitSent(ask, 2).get(1).card().toString()).contains("is not an image PhotoSync can read");
        assertThat(tenant.receivedRequests()).noneMatch(r -> r.path().endsWith("SetMyProfilePicture"));
    }

    @Test
    void forgetsThePersonsTokensWhenTheyRemoveTheApp() throws Exception {
        sandboxSso.setEnabled(true);
        SimUser person = newPerson("SSO Tester");
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");
        teams.post(ask);
        awaitSent(ask, 2);
        assertThat(sso.signedIn(person.id())).isTrue();

        ObjectNode removed = teams.message(person.id(), "en-US", null);
        removed.remove("text");
        removed.put("type", "installationUpdate").put("action", "remove");
        assertThat(teams.post(removed).statusCode()).isEqualTo(202);

        assertThat(sso.signedIn(person.id())).isFalse();
    }

    /** "sync my photo" from the person, in English; Teams answers 202. */
    private ObjectNode askToSync(SimUser person) {
        ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");
        assertThat(teams.post(ask).statusCode()).isEqualTo(202);
        return ask;
    }

    private void assertNothingWritten(SimUser person, ObjectNode ask) throws InterruptedException {
        Thread.sleep(500);
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL").orElse("")).isEmpty();
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(ask))).hasSize(1);
    }

    /** The n-th sign-in card in the chat of {@code ask}. */
    private JsonNode awaitSignInCard(ObjectNode ask, int n) throws InterruptedException {
        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().filter(s -> s.conversationId().equals(chat) && TeamsChannel.isSignInCard(s)).count() >= n, PATIENCE);
        return tenant.botConnector().sentTo(chat).stream().filter(TeamsChannel::isSignInCard).toList().get(n - 1)
                .activity().path("attachments").get(0).path("content");
    }

    /**
     * What a browser does with the sign-in button: PhotoSync's page redirects to Entra's, the
     * person accepts, Entra redirects back with a code. Returns the last page's HTML.
     */
    private String consentInBrowser(String buttonUrl) throws IOException {
        EntraBrowser.Page back = new EntraBrowser(http, port).signInThrough(buttonUrl, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.csp()).contains("default-src 'none'");
        return back.body();
    }

    @SuppressWarnings("unused")
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
