package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.sandbox.SimUser;
import io.photosync.teams.TeamsChannelTestBase;
import org.junit.jupiter.api.Test;

/**
 * Microsoft 365 photos made to exhaust the renderer, synced through the bot: each ends with a
 * clear result in one attempt (a huge but valid photo is synced, a text-chunk bomb is synced
 * without its text), and the bot goes on syncing others.
 */
class HostilePhotosIntegrationTests extends TeamsChannelTestBase {

    @Test
    void syncsA7999PixelSquarePngThatWouldNeedAGigabyteDecodedWhole() throws Exception {
        SimUser person = personWithPhoto("Huge Photo", Pngs.solid(7999, 7999, 0x3366cc));

        assertThat(syncOwnPhoto(person)).contains("Your SharePoint photo is up to date");
        assertThat(tenant.sharePoint().profileProperty(person.userPrincipalName(), "PictureURL")).isPresent();
    }

    @Test
    void syncsAPngWhoseTextChunkInflatesToAGigabyte() throws Exception {
        SimUser person = personWithPhoto("Text Bomb", Pngs.withBomb("zTXt", 1L << 30));

        assertThat(syncOwnPhoto(person)).contains("Your SharePoint photo is up to date");
    }

    private SimUser personWithPhoto(String name, byte[] png) {
        SimUser person = newPerson(name);
        person.setPhoto(png, "image/png", 648, 648);
        return person;
    }

    private String syncOwnPhoto(SimUser person) throws InterruptedException {
        ObjectNode message = teams.message(person.id(), "en-US", "sync my photo");
        assertThat(teams.post(message).statusCode()).isEqualTo(202);
        return awaitSent(message, 2).get(1).card().toString();
    }
}
