package io.photosync.scan;

import io.photosync.jobs.DurableTask;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.nudge.Nudges;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.SyncHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Tenant scans and group syncs as durable runs: started by an operator (or a schedule), run by
 * whichever replica takes the task, resumed from the saved page after a restart or a throttle,
 * acted on as asked (nothing, a sync job per fixable photo, or a nudge), and followed on the
 * requester's card until every sync or nudge has ended; each run keeps a report.
 */
public final class Scans {

    private static final int ACT_PAGE = 500;

    private final JdbcScanStore store;
    private final JdbcRunReports reports;
    private final TenantDirectory directory;
    private final ProfilePhotoStore sharePoint;
    private final SyncHistory history;
    private final SyncJobs jobs;
    private final Nudges nudges;
    private final List<ScanListener> listeners;
    private final ScanScope scope;
    private final DurableTask task;
    private final DurableTask followUp;
    private final Duration progressEvery;
    private final Clock clock;

    Scans(JdbcScanStore store, JdbcRunReports reports, TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history, SyncJobs jobs,
          Nudges nudges, List<ScanListener> listeners, ScanScope scope, DurableTask task, DurableTask followUp, Duration progressEvery, Clock clock) {
        this.followUp = followUp;
        this.scope = scope;
        this.store = store;
        this.reports = reports;
        this.directory = directory;
        this.sharePoint = sharePoint;
        this.history = history;
        this.jobs = jobs;
        this.nudges = nudges;
        this.listeners = listeners;
        this.task = task;
        this.progressEvery = progressEvery;
        this.clock = clock;
    }

    /** Records and queues a scan; returns its id. */
    public String start(String requesterId, RunAction action, String language, String conversationJson, String cardId) {
        String id = store.create(requesterId, action, language, conversationJson, cardId);
        task.queue(id);
        return id;
    }

    /**
     * A bulk sync of a group's members: one app-only job per member (keyed by run and member, so a
     * repeated request makes none twice), followed to the end like a scan's fixes. Returns false when
     * the same request ({@code runId}) was seen before.
     */
    public boolean startGroupSync(String runId, String requesterId, String language, String groupName, List<DirectoryUser> members,
                                  List<DirectoryUser> leftOut) {
        if (!store.createGroupSync(runId, requesterId, language, groupName, members, leftOut)) {
            return false;
        }
        ScanRun run = store.run(runId).orElseThrow();
        members.forEach(member -> queueSync(run, new JobPerson(member.objectId(), member.userPrincipalName(), member.displayName())));
        store.acted(runId, null);
        return true;
    }

    /** Shows the run's progress on the requester's card, from now until all its work has ended. */
    public void watch(String runId, String conversationJson, String cardId) {
        store.watch(runId, conversationJson, cardId);
        followUp.queueIfAbsent(runId);
    }

    /** Deletes runs, and their reports, started longer ago than {@code retention}; returns how many. */
    int deleteReportsOlderThan(Duration retention) {
        return store.deleteStartedBefore(clock.instant().minus(retention));
    }

    public Map<ScanClass, Integer> counts(String runId) {
        return store.counts(runId);
    }

    Optional<RunState> state(String runId) {
        return store.state(runId);
    }

    public RunProgress progress(String runId) {
        return reports.progress(runId);
    }

    public Optional<ScanRun> find(String runId) {
        return store.run(runId);
    }

    /** When the run started and, once it has, ended. */
    public Optional<RunTimes> times(String runId) {
        return reports.times(runId);
    }

    /** The run's report, a row per member, streamed: a report of 100,000 members is never in memory at once. */
    public void report(String runId, Consumer<ReportRow> rows) {
        reports.report(runId, rows);
    }

    /**
     * The scan task's work, in steps that each survive a restart: scan (or resume) to the end; act
     * (only on people in scope), once; then report — at once for a report-only scan, or by the
     * follow-up task while the syncs or nudges go.
     */
    void run(String runId) {
        ScanRun run = store.run(runId).orElse(null);
        if (run == null) {
            return;
        }
        if (store.state(runId).orElse(RunState.RUNNING) != RunState.DONE) {
            new TenantScan(directory, sharePoint, history, new Progress(run)).run(runId);
        }
        if (store.actedAt(runId).isEmpty()) {
            act(run);
        }
        if (run.acts()) {
            followUp.queueIfAbsent(runId);
        } else if (store.complete(runId)) {
            Map<ScanClass, Integer> counts = store.counts(runId);
            listeners.forEach(listener -> listener.finished(run, counts, RunProgress.NONE));
        }
    }

    /**
     * Marks who is acted on and queues the work; safe to repeat (jobs are keyed, a campaign is made
     * once). Syncs are queued a page of {@value #ACT_PAGE} people at a time, so a first scan that
     * finds a whole tenant missing never holds it in memory; a nudge campaign is made in one go.
     */
    private void act(ScanRun run) {
        Predicate<String> inScope = scope.forMany();
        if (run.acts() && run.action() == RunAction.NUDGE) {
            List<String> fixable = List.copyOf(store.fixable(run.id()).keySet());
            List<String> reached = fixable.stream().filter(inScope).toList();
            store.mark(run.id(), fixable.stream().filter(inScope.negate()).toList(), MemberAction.OUT_OF_SCOPE);
            store.mark(run.id(), reached, MemberAction.NUDGE);
            store.acted(run.id(), reached.isEmpty() ? null : nudges.start(run.requesterId(), reached, run.language()).id());
            return;
        }
        String after = "";
        while (run.acts()) {
            Map<String, String> page = store.fixable(run.id(), after, ACT_PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<String> reached = page.keySet().stream().filter(inScope).toList();
            store.mark(run.id(), page.keySet().stream().filter(inScope.negate()).toList(), MemberAction.OUT_OF_SCOPE);
            store.mark(run.id(), reached, MemberAction.SYNC);
            reached.forEach(subject -> queueSync(run, new JobPerson(subject, page.get(subject), null)));
            after = List.copyOf(page.keySet()).get(page.size() - 1);
        }
        store.acted(run.id(), null);
    }

    private void queueSync(ScanRun run, JobPerson subject) {
        jobs.accept(SyncJobRequest.onBehalf("scan:" + run.id() + ":" + subject.objectId(), subject, JobPerson.id(run.requesterId()), run.language(), null))
                .ifPresent(job -> jobs.start(job.id(), null));
    }

    /**
     * The follow-up task's work: tells the card how far the syncs or nudges are; true once they
     * have all ended (then the card says so, once, with the report).
     */
    boolean followUp(String runId) {
        ScanRun run = store.run(runId).orElse(null);
        if (run == null) {
            return true;
        }
        RunProgress progress = reports.progress(runId);
        Map<ScanClass, Integer> counts = store.counts(runId);
        if (!progress.finished()) {
            listeners.forEach(listener -> listener.acting(run, counts, progress));
            return false;
        }
        if (store.complete(runId)) {
            listeners.forEach(listener -> listener.finished(run, counts, progress));
        }
        return true;
    }

    /** The store, telling the listeners how far the scan is, at most every {@code progressEvery}. */
    private final class Progress implements ScanStore {
        private final ScanRun run;
        private Instant last = Instant.EPOCH;

        Progress(ScanRun run) {
            this.run = run;
        }

        @Override
        public void save(List<Finding> findings) {
            store.save(findings);
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
