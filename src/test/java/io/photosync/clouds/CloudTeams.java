package io.photosync.clouds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sandbox.SsoToken;
import io.photosync.teams.TeamsChannel;
import io.photosync.teams.TeamsChannelTestBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** PhotoSync started against a simulated tenant that poses as a cloud, and Teams talking to it, signing people in as Teams does. */
final class CloudTeams {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private CloudTeams() {
    }

    /** The settings every such PhotoSync has (the app, its certificate, the bot, the operators, a fresh database); the test adds the endpoints. */
    static List<String> settings(SimulatedTenant tenant, String botAppId, Path secrets) {
        return new ArrayList<>(List.of(
                "--server.port=0", "--management.server.port=0",
                "--photosync.entra.tenant-id=" + tenant.tenantId(),
                "--photosync.entra.client-id=" + botAppId,
                "--photosync.entra.certificate-path=" + tenant.registerAppWithNewCertificate(botAppId, null, secrets),
                "--photosync.entra.instance-discovery=false",
                // The simulated channel speaks plain HTTP on the cloud's metadata host: the SDK reads it with the JDK's trust store.
                "--photosync.bot.open-id-metadata-url=" + tenant.botConnector().openIdMetadataUrl(),
                "--photosync.bot.app-id=" + botAppId,
                "--photosync.http.trusted-certificate-path=" + tenant.writeTlsCertificate(secrets),
                "--photosync.sso.token-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "--photosync.helpdesk.operator-groups=" + Personas.HELPDESK_GROUP,
                "--spring.datasource.url=jdbc:h2:mem:cloud-" + UUID.randomUUID()));
    }

    /** Teams signs the person in when the bot asks: its sign-in card answered with {@code signin/tokenExchange} and their SSO token. */
    static void signIn(TeamsChannel teams, SimulatedTenant tenant, ObjectNode ask, String who, String botAppId) throws InterruptedException {
        String chat = TeamsChannel.conversationOf(ask);
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat)), PATIENCE).stream()
                .filter(s -> s.conversationId().equals(chat) && TeamsChannel.isSignInCard(s)).findFirst().ifPresent(card -> {
                    int status = teams.post(teams.tokenExchange(ask, TeamsChannel.signInCard(card), tenant.ssoToken(who, botAppId, SsoToken.VALID)))
                            .statusCode();
                    if (status != 200) {
                        throw new AssertionError("Teams' token exchange was answered " + status);
                    }
                });
    }

    /** The text of the first card in the chat of {@code ask} that says this, once the bot has sent it. */
    static String card(SimulatedTenant tenant, ObjectNode ask, String saying) throws InterruptedException {
        String chat = TeamsChannel.conversationOf(ask);
        return tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(chat)
                        && TeamsChannelTestBase.texts(s.card()).contains(saying)), PATIENCE).stream()
                .filter(s -> s.conversationId().equals(chat)).map(s -> TeamsChannelTestBase.texts(s.card()))
                .filter(text -> text.contains(saying)).findFirst().orElseThrow();
    }
}
