package io.photosync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimSharePointMeterTests {

    @Test
    void chargesGraphsCostsByDefaultAndNothingIsRefusedWithoutABudget() {
        SimSharePointMeter meter = new SimSharePointMeter();

        meter.charge("app", "GET");
        meter.charge("app", "POST");

        assertThat(meter.metering()).isEqualTo(new SharePointMetering(3, 0));
    }

    @Test
    void restCallsCostWhatTheRangeSaysAndTheLast20PercentOfAWindowCarryRateLimitHeaders() {
        SimSharePointMeter meter = new SimSharePointMeter();
        meter.setLimit(100);
        meter.setCosts(3, 5, Duration.ofSeconds(120));

        List<SimSharePointMeter.Charge> charges = new ArrayList<>();
        for (int i = 0; i < 40 && (charges.isEmpty() || charges.get(charges.size() - 1).refusedFor().isEmpty()); i++) {
            charges.add(meter.charge("app", "GET"));
        }

        SimSharePointMeter.Charge refused = charges.get(charges.size() - 1);
        List<SimSharePointMeter.Charge> charged = charges.subList(0, charges.size() - 1);
        assertThat(charged.size()).as("100 units at 3 to 5 a call").isBetween(20, 34);
        assertThat(meter.metering().unitsCharged()).isBetween(96L, 100L);
        assertThat(charged.get(0).headers()).isEmpty();
        assertThat(charged.get(charged.size() - 1).headers()).containsEntry("RateLimit-Limit", "100").containsKeys("RateLimit-Remaining", "RateLimit-Reset");
        assertThat(refused.refusedFor()).hasValue(Duration.ofSeconds(120));
        assertThat(refused.headers()).containsEntry("Retry-After", "120");
        // Refused until the wait is over, whatever the window says.
        assertThat(meter.charge("app", "GET").refusedFor()).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(120)));
        assertThat(meter.charge("other app", "GET").refusedFor()).as("budgets are per app").isEmpty();
    }

    @Test
    void aTenantThatSendsNoRateLimitHeadersStillSaysRetryAfter() {
        SimSharePointMeter meter = new SimSharePointMeter();
        meter.setLimit(10);
        meter.setCosts(5, 5, Duration.ofSeconds(120));
        meter.setRateLimitHeaders(false);

        assertThat(meter.charge("app", "GET").headers()).isEmpty();
        assertThat(meter.charge("app", "GET").headers()).as("at 100 %, still none").isEmpty();
        assertThat(meter.charge("app", "GET").headers()).containsExactly(Map.entry("Retry-After", "120"));
    }
}
