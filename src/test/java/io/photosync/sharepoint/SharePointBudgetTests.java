package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharePointBudgetTests {

    @Test
    void allowsABurstOfAFewSecondsThenPacesTheRestOverTheMinute() {
        SharePointBudget budget = SharePointBudget.local(1_200, stoppedClock());

        for (int i = 0; i < 30; i++) {
            assertThat(budget.tryAcquire(2)).as("a twentieth of the budget at once").isZero();
        }
        Duration wait = budget.tryAcquire(2);

        // The rest, 1,140 units, comes over the minute: 2 units every ~105 ms.
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(110));
    }

    @Test
    void neverLetsAMinuteSpendMoreThanTheBudget() {
        long[] now = {0};
        SharePointBudget budget = SharePointBudget.local(600, clock(now));

        long spent = 0;
        for (long end = Duration.ofMinutes(1).toNanos(); now[0] < end; now[0] += Duration.ofMillis(10).toNanos()) {
            while (budget.tryAcquire(1).isZero()) {
                spent++;
            }
        }

        // The burst and a minute of refill, spent as fast as the bucket allows: within the budget,
        // however SharePoint's 60-second window falls.
        assertThat(spent).isLessThanOrEqualTo(600).isGreaterThan(590);
    }

    @Test
    void aPauseMakesEveryoneWaitThatLongAndAShorterOneChangesNothing() {
        long[] now = {0};
        SharePointBudget budget = SharePointBudget.local(1_200, clock(now));

        budget.pauseFor(Duration.ofSeconds(120));
        Duration first = budget.tryAcquire(1);
        budget.pauseFor(Duration.ofSeconds(60));
        budget.pauseFor(Duration.ofSeconds(120));

        assertThat(first).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
        assertThat(budget.tryAcquire(1)).as("concurrent 429s pause once").isEqualTo(first);
        now[0] += Duration.ofSeconds(121).toNanos();
        assertThat(budget.tryAcquire(1)).isZero();
    }

    private static TimeMeter stoppedClock() {
        return clock(new long[] {0});
    }

    /** A clock that reads {@code now[0]}: the figures do not depend on how fast this machine runs the test. */
    private static TimeMeter clock(long[] now) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now[0];
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }
}
