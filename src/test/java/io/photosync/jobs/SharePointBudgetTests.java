package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharePointBudgetTests {

    @Test
    void allowsABurstOfAFewSecondsThenPacesTheRestOverTheMinute() {
        SharePointBudget budget = SharePointBudget.local(1_200);

        for (int i = 0; i < 30; i++) {
            assertThat(budget.tryAcquire(2)).as("a twentieth of the budget at once").isZero();
        }
        Duration wait = budget.tryAcquire(2);

        // The rest, 1,140 units, comes over the minute: 2 units every ~105 ms.
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(110));
    }

    @Test
    void neverLetsAMinuteSpendMoreThanTheBudget() {
        SharePointBudget budget = SharePointBudget.local(600);
        long burst = 0;
        long started = System.nanoTime();
        while (budget.tryAcquire(1).isZero()) {
            burst++;
        }
        long took = System.nanoTime() - started;
        Duration perUnit = budget.tryAcquire(1);

        // Burst plus a minute of refill stays within the budget, however SharePoint's window falls.
        // (What refilled while the loop ran, on a busy machine, is part of that minute, not of the burst.)
        long refilledMeanwhile = took / perUnit.toNanos();
        assertThat(burst - refilledMeanwhile + Duration.ofMinutes(1).toNanos() / perUnit.toNanos()).isLessThanOrEqualTo(600);
    }
}
