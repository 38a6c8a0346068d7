package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ScanClass;
import io.photosync.sync.ScanStore;
import io.photosync.sync.SyncHistory;
import io.photosync.sync.TenantDirectory;
import io.photosync.sync.TenantScan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tenant scans as durable jobs: started by an operator (or later a schedule), run by whichever
 * replica takes the task, resumed from the saved page after a restart or a throttle, reported to
 * the requester's card, and acted on as asked: nothing, a sync job per fixable photo, or a nudge.
 */
public final class Scans {

    private final JdbcScanStore store;
    private final TenantDirectory directory;
    private final ProfilePhotoStore sharePoint;
    private final SyncHistory history;
    private final SyncJobs jobs;
    private final Nudges nudges;
    private final List<ScanListener> listeners;
    private final ScanScope scope;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final Duration progressEvery;
    private final Clock clock;

    Scans(JdbcScanStore store, TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history, SyncJobs jobs, Nudges nudges,
          List<ScanListener> listeners, ScanScope scope, SchedulerClient scheduler, OneTimeTask<Void> task, Duration progressEvery, Clock clock) {
        this.scope = scope;
        this.store = store;
        this.directory = directory;
        this.sharePoint = sharePoint;
        this.history = history;
        this.jobs = jobs;
        this.nudges = nudges;
        this.listeners = listeners;
        this.scheduler = scheduler;
        this.task = task;
        this.progressEvery = progressEvery;
        this.clock = clock;
    }

    /** Records and queues a scan; returns its id. */
    public String start(String requesterId, String action, String language, String conversationJson, String cardId) {
        String id = store.create(requesterId, action, language, conversationJson, cardId);
        scheduler.schedule(task.instance(id), clock.instant());
        return id;
    }

    public Map<ScanClass, Integer> counts(String runId) {
        return store.counts(runId);
    }

    public Optional<String> state(String runId) {
        return store.state(runId);
    }

    /** The task's work: scan (or resume) to the end, then act (only on people in scope) and report. */
    void run(String runId) {
        ScanRun run = store.run(runId).orElse(null);
        if (run == null || "DONE".equals(store.state(runId).orElse(""))) {
            return;
        }
        new TenantScan(directory, sharePoint, history, new Progress(run)).run(runId);
        int acted = act(run);
        Map<ScanClass, Integer> counts = store.counts(runId);
        listeners.forEach(listener -> listener.finished(run, counts, acted));
    }

    private int act(ScanRun run) {
        List<String> fixable = store.fixable(run.id()).stream().filter(scope::mayActOn).toList();
        switch (run.action()) {
            case "fix" -> fixable.forEach(subject -> jobs.accept(new SyncJobRequest("scan:" + run.id() + ":" + subject, subject,
                    run.requesterId(), run.language(), null)).ifPresent(job -> jobs.start(job.id(), null)));
            case "nudge" -> {
                if (!fixable.isEmpty()) {
                    nudges.start(run.requesterId(), fixable, run.language());
                }
            }
            default -> {
                return 0;
            }
        }
        return fixable.size();
    }

    /** The store, telling the listeners how far the scan is, at most every {@code progressEvery}. */
    private final class Progress implements ScanStore {
        private final ScanRun run;
        private Instant last = Instant.EPOCH;

        Progress(ScanRun run) {
            this.run = run;
        }

        @Override
        public void save(Finding finding) {
            store.save(finding);
            Instant now = clock.instant();
            if (Duration.between(last, now).compareTo(progressEvery) >= 0) {
                last = now;
                Map<ScanClass, Integer> counts = store.counts(run.id());
                listeners.forEach(listener -> listener.progress(run, counts));
            }
        }

        @Override
        public Optional<String> cursor(String runId) {
            return store.cursor(runId);
        }

        @Override
        public void pageDone(String runId, String next) {
            store.pageDone(runId, next);
        }
    }
}
