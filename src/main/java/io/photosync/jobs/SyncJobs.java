package io.photosync.jobs;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entry to durable syncs. A request is first <em>accepted</em> (a row, unique per request
 * key), so that a second delivery of the same activity is recognised before anything is sent;
 * then <em>started</em> with the card to update, which queues it in the same transaction.
 */
public final class SyncJobs {

    private final JdbcSyncJobStore store;
    private final DurableTask task;
    private final TransactionTemplate transaction;
    private final Runnable wakeUp;
    private final Clock clock;

    /** @param wakeUp tells this replica's scheduler to look for due work now rather than at its next poll */
    SyncJobs(JdbcSyncJobStore store, DurableTask task, TransactionTemplate transaction, Runnable wakeUp, Clock clock) {
        this.store = store;
        this.task = task;
        this.transaction = transaction;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /** Records the request as a job; empty when the same request was accepted before. */
    public Optional<SyncJob> accept(SyncJobRequest request) {
        return store.insert(request, clock.instant());
    }

    /**
     * Queues an accepted job; {@code cardActivityId} is the card to update when it ends (may be
     * null). The scheduler is woken after the commit: woken inside the transaction (db-scheduler's
     * own immediate execution) it can look before the job is visible and then sleep a whole poll.
     */
    public void start(String jobId, String cardActivityId) {
        transaction.executeWithoutResult(status -> {
            store.queue(jobId, cardActivityId, clock.instant());
            task.queueIfAbsent(jobId);
        });
        wakeUp.run();
    }

    /**
     * Queues the job, then sends its card (its Microsoft calls need not wait for Teams', nor for
     * the card to be written), with that card's id to update at the end once it is known: the
     * job's end waits for it. Sent or not (then the end sends a new card), the card's answer is
     * passed on.
     *
     * @param sendCard sends the card; answers its activity id
     */
    public CompletableFuture<Void> startWhenShown(String jobId, Supplier<CompletableFuture<String>> sendCard) {
        transaction.executeWithoutResult(status -> {
            store.queueWhileCardIsSent(jobId, clock.instant());
            task.queueIfAbsent(jobId);
        });
        wakeUp.run();
        CompletableFuture<String> cardActivityId;
        try {
            cardActivityId = sendCard.get();
        } catch (RuntimeException e) {
            cardActivityId = CompletableFuture.failedFuture(e);
        }
        return cardActivityId.handle((cardId, error) -> {
            store.cardShown(jobId, error == null ? cardId : null);
            if (error != null) {
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            return null;
        });
    }

    public Optional<SyncJob> find(String jobId) {
        return store.find(jobId);
    }
}
