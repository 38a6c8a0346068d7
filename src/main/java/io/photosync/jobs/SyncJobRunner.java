package io.photosync.jobs;

import io.photosync.http.Backoff;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one job: takes the person's lease, syncs, records the outcome, and decides whether to try again. */
final class SyncJobRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncJobRunner.class);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(2);
    /** How long a job's end waits for Teams to answer its card; past it the end sends a new card. */
    private static final Duration CARD_WAIT = Duration.ofSeconds(30);
    private static final Duration CARD_POLL = Duration.ofMillis(10);

    private final JdbcSyncJobStore store;
    private final PhotoSyncService service;
    private final List<SyncJobListener> listeners;
    private final JobsProperties properties;
    private final JobMetrics metrics;
    private final Clock clock;

    SyncJobRunner(JdbcSyncJobStore store, PhotoSyncService service, List<SyncJobListener> listeners, JobsProperties properties,
                  JobMetrics metrics, Clock clock) {
        this.store = store;
        this.service = service;
        this.listeners = listeners;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    void run(String jobId) {
        SyncJob job = store.find(jobId).orElse(null);
        if (job == null || job.state().finished()) {
            return;
        }
        Instant now = clock.instant();
        if (!store.acquireLease(job.subjectId(), jobId, now, now.plus(properties.subjectLease()))) {
            throw new RetryLater(now.plus(BUSY_RETRY), "another sync of " + job.subjectId() + " is running");
        }
        try {
            int attempt = store.startAttempt(jobId, now);
            SyncOutcome outcome = syncCarefully(job);
            metrics.syncEnded(outcome, Duration.between(now, clock.instant()));
            if (outcome instanceof SyncOutcome.Throttled) {
                metrics.throttled("sync");
            }
            log.info("job {} (attempt {}) for {}: {}", jobId, attempt, job.subjectId(), outcome.code());
            if (outcome.retryable() && attempt < properties.maxAttempts()) {
                Instant next = clock.instant().plus(waitBefore(attempt + 1, outcome));
                store.record(jobId, SyncJob.State.WAITING, outcome.code(), outcome.toString(), clock.instant());
                SyncJob shown = withItsCard(job);
                listeners.forEach(listener -> listener.syncDelayed(shown, outcome, next));
                throw new RetryLater(next, outcome.code());
            }
            // Least privilege ends as asked: the person has the link; the propagation watch follows SharePoint.
            boolean done = outcome instanceof SyncOutcome.Synced || outcome instanceof SyncOutcome.PullRequested;
            SyncJob.State end = done ? SyncJob.State.DONE : SyncJob.State.FAILED;
            store.record(jobId, end, outcome.code(), outcome.toString(), clock.instant());
            SyncJob shown = withItsCard(job);
            listeners.forEach(listener -> listener.syncEnded(shown, outcome));
        } finally {
            store.releaseLease(job.subjectId(), jobId);
        }
    }

    /**
     * A bug below must not stall the queue: it becomes a retryable failure like any other. An
     * {@link Error} (out of memory, a stack overflow) would only happen again: the job ends with it.
     */
    private SyncOutcome syncCarefully(SyncJob job) {
        try {
            return service.sync(new SyncRequest(job.subjectId(), job.own(), job.restoreVersion(), job.newPhoto()));
        } catch (RuntimeException e) {
            log.error("sync of {} failed unexpectedly in job {}", job.subjectId(), job.id(), e);
            return new SyncOutcome.Failed(e.getClass().getSimpleName(), true);
        } catch (StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            log.error("sync of {} ended by {} in job {}; not retried", job.subjectId(), e.getClass().getSimpleName(), job.id());
            return new SyncOutcome.Failed(e.getClass().getSimpleName(), false);
        }
    }

    /**
     * The scheduler gave up on this job after failures outside the sync itself (the database, a
     * bug): it ends as failed, and the person's card and the audit log say so.
     */
    void abandon(String jobId, String why) {
        SyncJob job = store.find(jobId).orElse(null);
        if (job == null || job.state().finished()) {
            return;
        }
        SyncOutcome outcome = new SyncOutcome.Failed(why, false);
        store.record(jobId, SyncJob.State.FAILED, outcome.code(), outcome.toString(), clock.instant());
        listeners.forEach(listener -> listener.syncEnded(job, outcome));
    }

    /**
     * The job as it is now, with the id of its card: a job starts while its card is sent, and a
     * fast one can end before Teams has answered; then this waits for the answer (at most
     * {@link #CARD_WAIT}, after which the end sends a new card).
     */
    private SyncJob withItsCard(SyncJob job) {
        long deadline = System.nanoTime() + CARD_WAIT.toNanos();
        try {
            while (store.cardPending(job.id()) && System.nanoTime() < deadline) {
                Thread.sleep(CARD_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return store.find(job.id()).orElse(job);
    }

    /** Exponential back-off from the first retry, but never sooner than Microsoft's {@code Retry-After}. */
    private Duration waitBefore(int attempt, SyncOutcome outcome) {
        Duration backOff = Backoff.doubling(properties.firstRetry(), properties.firstRetry().multipliedBy(1024)).after(attempt - 1);
        if (outcome instanceof SyncOutcome.Throttled throttled && throttled.retryAfter().compareTo(backOff) > 0) {
            return throttled.retryAfter();
        }
        return backOff;
    }
}
