package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.teams.TeamsChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A bot configured for channel tokens issued by its Entra tenant (as single-tenant bots have been
 * seen receiving) and not the Bot Framework's: {@code /api/messages} through the real HTTP path.
 * The default (the Bot Framework's only) is {@link MessagesEndpointIntegrationTests}'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "photosync.bot.app-id=" + PhotoSyncIntegrationTest.BOT_APP_ID,
        "photosync.sandbox.port=0",
        "photosync.sandbox.connector-port=0",
        "photosync.bot.channel-issuers=${photosync.sandbox.entra-issuer}|${photosync.sandbox.entra-metadata-url}",
        "photosync.bot.service-url-hosts=127.0.0.1"})
class ChannelIssuersIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedTenant tenant;

    TeamsChannel teams;

    @BeforeEach
    void openChannel() {
        teams = new TeamsChannel(port, PhotoSyncIntegrationTest.BOT_APP_ID, tenant);
    }

    @Test
    void acceptsTheTenantsTokensWithOrWithoutAServiceUrlClaimAndAnswers() throws InterruptedException {
        ObjectNode named = teams.message(Personas.ADELE, "en-US", "help");
        ObjectNode unnamed = teams.message(Personas.MEGAN, "en-US", "help");

        assertThat(teams.post(named.toString(), bearer(tenant.botConnector().serviceUrl(), Forgery.NONE)).statusCode()).isEqualTo(202);
        assertThat(teams.post(unnamed.toString(), bearer(null, Forgery.NONE)).statusCode()).isEqualTo(202);

        for (ObjectNode message : List.of(named, unnamed)) {
            String chat = TeamsChannel.conversationOf(message);
            tenant.botConnector().awaitSent(all -> all.stream().anyMatch(sent -> sent.conversationId().equals(chat)), Duration.ofSeconds(20));
        }
    }

    @Test
    void refusesTheBotFrameworksTokensWhenOnlyTheTenantsAreAccepted() {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "help");

        assertThat(teams.post(message).statusCode()).as("a genuine Bot Framework token").isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(value = Forgery.class, names = {"BAD_SIGNATURE", "WRONG_AUDIENCE", "EXPIRED"})
    void refusesForgedTenantTokens(Forgery forgery) {
        ObjectNode message = teams.message(Personas.ADELE, "en-US", "help");

        assertThat(teams.post(message.toString(), bearer(tenant.botConnector().serviceUrl(), forgery)).statusCode()).isEqualTo(401);
        assertThat(tenant.botConnector().sentTo(TeamsChannel.conversationOf(message))).isEmpty();
    }

    @Test
    void refusesAServiceUrlTheTokenDoesNotVouchFor() {
        ObjectNode elsewhere = teams.message(Personas.ADELE, "en-US", "help");
        elsewhere.put("serviceUrl", "https://smba.trafficmanager.net/emea/");
        ObjectNode unlisted = teams.message(Personas.ADELE, "en-US", "help");
        unlisted.put("serviceUrl", "https://attacker.example/");

        assertThat(teams.post(elsewhere.toString(), bearer(tenant.botConnector().serviceUrl(), Forgery.NONE)).statusCode()).isEqualTo(403);
        assertThat(teams.post(unlisted.toString(), bearer(null, Forgery.NONE)).statusCode()).isEqualTo(403);
    }

    private String bearer(String serviceUrl, Forgery forgery) {
        return "Bearer " + tenant.channelTokenFromEntra(PhotoSyncIntegrationTest.BOT_APP_ID, serviceUrl, forgery);
    }
}
