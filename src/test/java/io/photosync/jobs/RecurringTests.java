package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A sweep runs four times within the wait it ends, within its bounds. */
class RecurringTests {

    @Test
    void aSweepRunsAQuarterOfTheWaitApartWithinItsBounds() {
        assertThat(delay(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
        assertThat(delay(Duration.ofDays(7))).as("at least every hour").isEqualTo(Duration.ofHours(1));
        assertThat(delay(Duration.ofSeconds(4))).as("not more often than every minute").isEqualTo(Duration.ofMinutes(1));
    }

    private static Duration delay(Duration waitsFor) {
        Recurring sweep = Recurring.sweeping("sweep", waitsFor, Duration.ofMinutes(1), Duration.ofHours(1), () -> { });
        return ((Recurring.Every) sweep.when()).delay();
    }
}
