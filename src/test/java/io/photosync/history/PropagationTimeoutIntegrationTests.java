package io.photosync.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.TestPhotos;
import io.photosync.audit.AuditEntry;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.teams.TeamsChannelTestBase;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The watch of a new photo ends when its window does: the card says what to do, and the end is audited. */
@TestPropertySource(properties = "photosync.photo.propagation-watch-for=3s")
class PropagationTimeoutIntegrationTests extends TeamsChannelTestBase {

    @Autowired
    AuditLog audit;

    @AfterEach
    void graphShowsUpdatesAtOnceAgain() {
        tenant.delayPhotoUpdates(Duration.ZERO);
    }

    @Test
    void whenMicrosoft365NeverShowsTheNewPhotoInTheWindowTheCardSaysWhatToDo() throws Exception {
        SimUser person = newPerson("Tim Timeout");
        tenant.delayPhotoUpdates(Duration.ofMinutes(10));
        ObjectNode sent = teams.message(person.id(), "en-US", "");
        sent.putArray("attachments").add(tenant.teamsFile(person, "me.jpg", TestPhotos.solid(Color.BLUE, 400)));
        teams.post(sent);
        SimulatedBotConnector.Sent preview = awaitSent(sent, 1).get(0);

        teams.post(tap(sent, person.id(), buttons(preview.card(), "Use it").get(0), preview.activityId()));

        List<SimulatedBotConnector.Sent> cards = awaitSent(sent, 4);
        SimulatedBotConnector.Sent watching = cards.stream().filter(card -> card.method().equals("POST") && !card.activityId().equals(preview.activityId()))
                .findFirst().orElseThrow();
        tenant.botConnector().awaitSent(all -> all.stream().anyMatch(s -> s.activityId().equals(watching.activityId())
                && texts(s.card()).contains("I've stopped checking")), Duration.ofSeconds(30));
        assertThat(audit.latestAbout(person.id(), 10)).extracting(AuditEntry::outcome).contains("propagation-timeout");
    }
}
