package io.photosync.nudge;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Paces proactive sends with Bucket4j: one bucket for the whole tenant, kept in the database when
 * it is PostgreSQL (so all replicas together stay under the limit), and one small bucket per
 * conversation in memory.
 */
final class SendRate {

    private static final long TENANT_BUCKET = 1L;
    private static final int CONVERSATIONS_TRACKED = 10_000;

    private final Bucket tenant;
    private final Supplier<Bucket> conversationBucket;
    private final Map<String, Bucket> conversations = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > CONVERSATIONS_TRACKED;
        }
    };

    private SendRate(Bucket tenant, Supplier<Bucket> conversationBucket) {
        this.tenant = tenant;
        this.conversationBucket = conversationBucket;
    }

    /** A rate shared through the database by every replica. */
    static SendRate shared(ProxyManager<Long> buckets, ProactiveProperties properties) {
        return new SendRate(buckets.builder().build(TENANT_BUCKET, () -> perSecond(properties.tenantRate())), conversation(properties));
    }

    /** A rate for a single replica (H2). */
    static SendRate local(ProactiveProperties properties) {
        return new SendRate(Bucket.builder().addLimit(limit -> limit.capacity(properties.tenantRate())
                .refillGreedy(properties.tenantRate(), Duration.ofSeconds(1))).build(), conversation(properties));
    }

    /** Takes a send from both buckets; zero when allowed now, else how long to wait before asking again. */
    Duration tryAcquire(String conversationId) {
        Bucket forConversation;
        synchronized (conversations) {
            forConversation = conversations.computeIfAbsent(conversationId, id -> conversationBucket.get());
        }
        ConsumptionProbe conversationProbe = forConversation.tryConsumeAndReturnRemaining(1);
        if (!conversationProbe.isConsumed()) {
            return Duration.ofNanos(conversationProbe.getNanosToWaitForRefill());
        }
        ConsumptionProbe tenantProbe = tenant.tryConsumeAndReturnRemaining(1);
        if (!tenantProbe.isConsumed()) {
            forConversation.addTokens(1);
            return Duration.ofNanos(tenantProbe.getNanosToWaitForRefill());
        }
        return Duration.ZERO;
    }

    private static BucketConfiguration perSecond(int rate) {
        // Capacity of one second's sends: no burst above the limit after a quiet spell.
        return BucketConfiguration.builder().addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1))).build();
    }

    private static Supplier<Bucket> conversation(ProactiveProperties properties) {
        return () -> Bucket.builder().addLimit(limit -> limit.capacity(properties.conversationRate())
                .refillGreedy(properties.conversationRate(), Duration.ofSeconds(1))).build();
    }
}
