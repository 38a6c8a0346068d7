package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharePointBudgetTests {

    @Test
    void allowsTheUnitsOfAMinuteThenSaysHowLongToWait() {
        SharePointBudget budget = SharePointBudget.local(60);

        for (int i = 0; i < 30; i++) {
            assertThat(budget.tryAcquire(2)).isZero();
        }
        Duration wait = budget.tryAcquire(1);

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
}
