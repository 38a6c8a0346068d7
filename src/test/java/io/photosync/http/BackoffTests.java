package io.photosync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void doublesFromTheFirstWaitUpToTheLongest() {
        Backoff backoff = Backoff.doubling(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::after).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L);
    }

    @Test
    void aThousandFailuresInARowNeitherOverflowNorPassTheLongest() {
        assertThat(Backoff.doubling(Duration.ofMillis(1), Duration.ofDays(1)).after(1_000)).isEqualTo(Duration.ofDays(1));
        assertThat(Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(1)).withJitter().after(Integer.MAX_VALUE))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterAddsAtMostHalfAgainAndNeverTakesAway() {
        Backoff backoff = Backoff.doubling(Duration.ofSeconds(1), Duration.ofMinutes(10)).withJitter();
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
        }
        assertThat(IntStream.range(0, 200).mapToObj(i -> backoff.after(3)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void refusesABackoffThatCannotWait() {
        assertThatThrownBy(() -> Backoff.doubling(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
