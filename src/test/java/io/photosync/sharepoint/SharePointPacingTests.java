package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.photosync.http.RequestBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SharePointPacingTests {

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();
    private final List<Integer> spent = new ArrayList<>();
    private final RequestBudget budget = new RequestBudget() {
        @Override
        public Duration tryAcquire(int units) {
            spent.add(units);
            return Duration.ZERO;
        }

        @Override
        public void pauseFor(Duration wait) {
            pauses.add(wait);
        }
    };

    @Test
    void learnsTheCostOfACallFromTheUnitsSharePointSaysWereSpent() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);
        assertThat(pacing.unitsFor(1)).isEqualTo(1);
        spend(pacing, 100, 1);

        // 400 units spent in the 30 s of the window so far, for 100 base units: a call costs 4 times its base.
        pacing.observe(answer(200, "RateLimit-Limit", "1200", "RateLimit-Remaining", "800", "RateLimit-Reset", "30"));
        pacing.observe(answer(200, "RateLimit-Limit", "1200", "RateLimit-Remaining", "800", "RateLimit-Reset", "30"));
        pacing.observe(answer(200, "RateLimit-Limit", "1200", "RateLimit-Remaining", "800", "RateLimit-Reset", "30"));

        assertThat(pacing.currentFactor()).isBetween(3.5, 4.0);
        assertThat(pacing.unitsFor(1)).isEqualTo(4);
        assertThat(pacing.unitsFor(2)).isEqualTo(8);
        assertThat(pauses).as("plenty left in the window").isEmpty();
    }

    @Test
    void littleLeftInTheWindowPausesEveryoneUntilItResets() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);

        pacing.observe(answer(200, "RateLimit-Limit", "1200", "RateLimit-Remaining", "40", "RateLimit-Reset", "7"));

        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aLimitBelowTheConfiguredBudgetScalesEveryCostUp() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 2_400, now::get);

        pacing.observe(answer(200, "RateLimit-Limit", "1200", "RateLimit-Remaining", "1000", "RateLimit-Reset", "50"));

        assertThat(pacing.unitsFor(1)).isEqualTo(2);
    }

    @Test
    void aThrottledAnswerPausesEveryoneForItsRetryAfterAndRaisesTheCostOncePerPause() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);

        pacing.observe(answer(429, "Retry-After", "120"));
        pacing.observe(answer(429, "Retry-After", "120"));
        pacing.observe(answer(503, "Retry-After", "120"));
        double afterOne = pacing.currentFactor();
        now.addAndGet(Duration.ofSeconds(121).toNanos());
        pacing.observe(answer(429, "Retry-After", "2.5"));

        assertThat(pauses).containsExactly(Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofMillis(2_500));
        assertThat(afterOne).isEqualTo(1.5);
        assertThat(pacing.currentFactor()).isEqualTo(2.25);
    }

    @Test
    void whatRefusalsTaughtFadesHalfEveryHalfHourOnceTheyStop() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);
        pacing.observe(answer(429, "Retry-After", "0"));
        pacing.observe(answer(429, "Retry-After", "0"));
        assertThat(pacing.currentFactor()).as("refusals of the calls in flight together: one lesson").isEqualTo(1.5);

        now.addAndGet(Duration.ofSeconds(30).toNanos());
        pacing.observe(answer(200));
        assertThat(pacing.currentFactor()).as("within the minute nothing fades").isEqualTo(1.5);
        now.addAndGet(Duration.ofMinutes(30).toNanos());
        pacing.observe(answer(200));

        assertThat(pacing.currentFactor()).isCloseTo(1.25, offset(0.01));
    }

    @Test
    void fractionsOfAUnitAreCarriedSoManyCallsCostWhatTheFactorSaysNotMore() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);
        pacing.observe(answer(429, "Retry-After", "1"));

        spend(pacing, 10, 1);

        assertThat(pacing.currentFactor()).isEqualTo(1.5);
        assertThat(spent.stream().mapToInt(Integer::intValue).sum()).as("10 reads at 1.5 units").isEqualTo(15);
    }

    @Test
    void answersWithoutItsHeadersOrWithGarbageInThemTeachNothing() {
        SharePointPacing pacing = new SharePointPacing(() -> budget, 1_200, now::get);
        spend(pacing, 100, 1);

        pacing.observe(answer(200));
        pacing.observe(answer(200, "RateLimit-Limit", "lots", "RateLimit-Remaining", "-5", "RateLimit-Reset", "30"));
        pacing.observe(answer(200, "RateLimit-Limit", "0", "RateLimit-Remaining", "0", "RateLimit-Reset", "0"));

        assertThat(pacing.currentFactor()).isEqualTo(1.0);
        assertThat(pauses).isEmpty();
    }

    private void spend(SharePointPacing pacing, int calls, int baseUnits) {
        for (int i = 0; i < calls; i++) {
            assertThat(pacing.tryAcquire(baseUnits)).isZero();
            now.addAndGet(Duration.ofMillis(100).toNanos());
        }
    }

    private static Response answer(int status, String... headers) {
        Response.Builder response = new Response.Builder().request(new Request.Builder().url("https://contoso-admin.sharepoint.com/_api/x").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("");
        for (int i = 0; i < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        return response.build();
    }
}
