package io.photosync.sharepoint;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.photosync.http.RequestBudget;
import java.time.Duration;

/**
 * SharePoint's resource units per app per minute, as a Bucket4j bucket: in the database when it is
 * PostgreSQL (so all replicas together stay inside the budget), in memory otherwise. The bucket
 * holds a twentieth of the budget (a burst of three seconds' worth) and refills the rest over the
 * minute, so no 60-second window, however SharePoint places it, spends more than the budget: a
 * full-minute bucket would let the first minute spend twice that and be throttled for it.
 */
final class SharePointBudget implements RequestBudget {

    private static final long BUCKET = 2L;

    private final Bucket bucket;
    private final long refillPerMinute;

    private SharePointBudget(Bucket bucket, int unitsPerMinute) {
        this.bucket = bucket;
        this.refillPerMinute = Math.max(1, unitsPerMinute - burst(unitsPerMinute));
    }

    static SharePointBudget shared(ProxyManager<Long> buckets, int unitsPerMinute) {
        return new SharePointBudget(buckets.builder().build(BUCKET, () -> perMinute(unitsPerMinute)), unitsPerMinute);
    }

    static SharePointBudget local(int unitsPerMinute) {
        return new SharePointBudget(Bucket.builder().withNanosecondPrecision().addLimit(limit -> smooth(limit, unitsPerMinute)).build(), unitsPerMinute);
    }

    /** The same on a clock of the caller's, for tests that must not depend on how fast the machine is. */
    static SharePointBudget local(int unitsPerMinute, TimeMeter clock) {
        return new SharePointBudget(Bucket.builder().withCustomTimePrecision(clock).addLimit(limit -> smooth(limit, unitsPerMinute)).build(), unitsPerMinute);
    }

    /**
     * Puts the bucket (the shared one: every replica) into as much debt as refills in {@code wait},
     * unless it already owes more: concurrent 429s pause once, not once each.
     */
    @Override
    public void pauseFor(Duration wait) {
        long debt = (long) Math.ceil(refillPerMinute * (wait.toNanos() / 60e9));
        long available = bucket.getAvailableTokens();
        if (debt > 0 && available > -debt) {
            bucket.consumeIgnoringRateLimits(available + debt);
        }
    }

    @Override
    public Duration tryAcquire(int units) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static long burst(int units) {
        return Math.max(2, units / 20);
    }

    private static BucketConfiguration perMinute(int units) {
        return BucketConfiguration.builder().addLimit(limit -> smooth(limit, units)).build();
    }

    /** Burst + refill over any minute = the budget: capacity b/20, refill 19b/20 per minute (at least 2, a write's cost). */
    private static BandwidthBuilderBuildStage smooth(BandwidthBuilderCapacityStage limit, int units) {
        long burst = burst(units);
        return limit.capacity(burst).refillGreedy(Math.max(1, units - burst), Duration.ofMinutes(1));
    }
}
