package io.photosync.nudge;

import io.photosync.http.Backoff;
import io.photosync.jobs.JobMetrics;
import io.photosync.jobs.RetryLater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers one nudge: obeys the tenant pause and the send rate, sends, and records what happened. */
final class NudgeDeliveryRunner {

    /** Teams' own advice for a refused send without Retry-After: wait a second, then longer, jittered. */
    private static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(1), Duration.ofSeconds(96)).withJitter();

    private static final Logger log = LoggerFactory.getLogger(NudgeDeliveryRunner.class);
    /** Waits shorter than this are slept through on the worker; longer ones give the thread back. */
    private static final Duration SHORT_WAIT = Duration.ofSeconds(2);

    private final JdbcNudgeStore store;
    private final TenantPause pause;
    private final SendRate rate;
    private final ProactiveChannel channel;
    private final ProactiveProperties properties;
    private final JobMetrics metrics;
    private final Clock clock;

    NudgeDeliveryRunner(JdbcNudgeStore store, TenantPause pause, SendRate rate, ProactiveChannel channel,
                        ProactiveProperties properties, JobMetrics metrics, Clock clock) {
        this.store = store;
        this.pause = pause;
        this.rate = rate;
        this.channel = channel;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs the delivery named {@code campaignId/recipientId}. */
    void run(String instanceId) throws InterruptedException {
        String campaignId = instanceId.substring(0, instanceId.indexOf('/'));
        String recipientId = instanceId.substring(instanceId.indexOf('/') + 1);
        if (store.state(campaignId, recipientId).orElse(null) != DeliveryState.PENDING) {
            return;
        }
        NudgeCampaign campaign = store.campaign(campaignId).orElseThrow();
        Instant paused = pause.pausedUntil(clock.instant()).orElse(null);
        if (paused != null) {
            // Spread the resumption over a second so the replicas do not all send at once.
            throw new RetryLater(paused.plusMillis(ThreadLocalRandom.current().nextLong(1_000)), "tenant paused");
        }
        awaitTurn(recipientId);
        int attempt = store.startAttempt(campaignId, recipientId, clock.instant());
        ProactiveChannel.Delivery delivery = channel.deliver(campaign, recipientId);
        Instant now = clock.instant();
        if (delivery instanceof ProactiveChannel.Delivery.Sent sent) {
            store.record(campaignId, recipientId, DeliveryState.SENT, null, sent.activityId(), now);
            pause.succeeded();
            metrics.proactiveSend("sent");
        } else if (delivery instanceof ProactiveChannel.Delivery.NoConversation) {
            store.record(campaignId, recipientId, DeliveryState.NO_REFERENCE, "no conversation with the bot", null, now);
            metrics.proactiveSend("no-conversation");
        } else if (delivery instanceof ProactiveChannel.Delivery.Failed failed) {
            store.record(campaignId, recipientId, DeliveryState.FAILED, failed.reason(), null, now);
            metrics.proactiveSend("failed");
        } else if (delivery instanceof ProactiveChannel.Delivery.Refused refused) {
            metrics.throttled("teams");
            Duration retryAfter = refused.retryAfter() != null ? refused.retryAfter() : backOff(attempt);
            Instant resume = pause.refused(retryAfter, now);
            if (attempt >= properties.maxAttempts()) {
                store.record(campaignId, recipientId, DeliveryState.FAILED, "Teams kept refusing (" + refused.status() + ")", null, now);
                metrics.proactiveSend("failed");
                return;
            }
            log.info("Teams refused the nudge for {} with {}; again at {}", recipientId, refused.status(), resume);
            throw new RetryLater(resume, "refused " + refused.status());
        }
    }

    /** Waits for the send rate: briefly on this thread, or by coming back later. */
    private void awaitTurn(String conversationKey) throws InterruptedException {
        Duration wait;
        while (!(wait = rate.tryAcquire(conversationKey)).isZero()) {
            if (wait.compareTo(SHORT_WAIT) > 0) {
                throw new RetryLater(clock.instant().plus(wait), "send rate");
            }
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    private static Duration backOff(int attempt) {
        return BACKOFF.after(attempt);
    }
}
