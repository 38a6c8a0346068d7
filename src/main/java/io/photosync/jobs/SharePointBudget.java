package io.photosync.jobs;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.photosync.http.RequestBudget;
import java.time.Duration;

/**
 * SharePoint's resource units per app per minute, as a Bucket4j bucket: in the database when it is
 * PostgreSQL (so all replicas together stay inside the budget), in memory otherwise.
 */
final class SharePointBudget implements RequestBudget {

    private static final long BUCKET = 2L;

    private final Bucket bucket;

    private SharePointBudget(Bucket bucket) {
        this.bucket = bucket;
    }

    static SharePointBudget shared(ProxyManager<Long> buckets, int unitsPerMinute) {
        return new SharePointBudget(buckets.builder().build(BUCKET, () -> perMinute(unitsPerMinute)));
    }

    static SharePointBudget local(int unitsPerMinute) {
        return new SharePointBudget(Bucket.builder().addLimit(limit -> limit.capacity(unitsPerMinute)
                .refillGreedy(unitsPerMinute, Duration.ofMinutes(1))).build());
    }

    @Override
    public Duration tryAcquire(int units) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static BucketConfiguration perMinute(int units) {
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(units).refillGreedy(units, Duration.ofMinutes(1))).build();
    }
}
