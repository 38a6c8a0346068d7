package io.photosync.nudge;

import io.photosync.jobs.DurableTask;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proactive nudges ("your SharePoint photo may be out of date — sync now?"), Company Communicator
 * style: one durable delivery per recipient, paced to Teams' limits, each with its status.
 */
public final class Nudges {

    private final JdbcNudgeStore store;
    private final TenantPause pause;
    private final DurableTask delivery;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Nudges(JdbcNudgeStore store, TenantPause pause, DurableTask delivery, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.pause = pause;
        this.delivery = delivery;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Queues a nudge to each recipient (duplicates ignored); returns the campaign. */
    public NudgeCampaign start(String requesterId, List<String> recipients, String language) {
        NudgeCampaign campaign = new NudgeCampaign(UUID.randomUUID().toString(), requesterId, language);
        List<String> distinct = recipients.stream().distinct().toList();
        transaction.executeWithoutResult(status -> {
            store.create(campaign, distinct, clock.instant());
            delivery.queueAll(distinct.stream().map(recipient -> campaign.id() + "/" + recipient).toList());
        });
        return campaign;
    }

    /** The recipient tapped "Sync my photo" on the nudge, which became this sync job. */
    public void tapped(String campaignId, String recipientId, String syncJobId) {
        store.tapped(campaignId, recipientId, syncJobId, clock.instant());
    }

    public NudgeStatus status(String campaignId) {
        return store.status(campaignId);
    }

    /** How many times sending paused tenant-wide because Teams kept refusing. */
    public int pauses() {
        return pause.pauses();
    }

    /** Whether sending is paused tenant-wide right now. */
    boolean paused() {
        return pause.pausedUntil(clock.instant()).isPresent();
    }
}
