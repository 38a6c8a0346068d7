package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.teams.TeamsChannelTestBase;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated hostile requests (HostileTraffic) through the real HTTP path with channel
 * tokens enforced: none may get a 5xx or an answer naming our internals, and the bot still syncs
 * afterwards. The seed is fixed, so a failure replays; {@code -Dfuzz.seed} and {@code -Dfuzz.count} vary it.
 */
class HostileTrafficIntegrationTests extends TeamsChannelTestBase {

    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    static final int COUNT = Integer.getInteger("fuzz.count", 2_500);

    @Test
    void answersNoHostileRequestWithAServerErrorAndStillSyncsAfterwards() throws Exception {
        HostileTraffic traffic = new HostileTraffic(SEED, tenant.botConnector().serviceUrl(),
                () -> tenant.botConnector().channelToken(PhotoSyncIntegrationTest.BOT_APP_ID, Forgery.NONE));

        HostileFire.Result result = HostileFire.fire("http://localhost:" + port + "/api/messages", traffic, COUNT, 4);

        assertThat(result.failures()).as("seed %d: %s", SEED, result.statuses()).isEmpty();
        assertThat(result.sent()).isEqualTo(COUNT);
        assertThat(result.statuses()).containsKeys(202, 400, 401, 403, 413, 415);

        ObjectNode message = teams.message(Personas.ADELE, "en-US", "sync my photo");
        assertThat(teams.post(message).statusCode()).isEqualTo(202);
        assertThat(awaitSent(message, 2).get(1).card().toString()).contains("Your SharePoint photo is up to date");
    }
}
