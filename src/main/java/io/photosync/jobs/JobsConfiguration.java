package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.photosync.sync.PhotoSyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** db-scheduler on the application's database, with the sync task and the recovery sweep. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);
    static final String SYNC_TASK = "photo-sync";
    static final String NUDGE_TASK = "nudge-delivery";
    static final String SCAN_TASK = "tenant-scan";
    static final String FOLLOW_UP_TASK = "run-follow-up";
    /** How often a run's card may change: Teams allows more, but people cannot read faster. */
    private static final Duration CARD_EVERY = Duration.ofSeconds(3);

    private final Clock clock = Clock.systemUTC();

    @Bean
    JdbcSyncJobStore syncJobStore(DataSource dataSource) {
        return new JdbcSyncJobStore(JdbcClient.create(dataSource));
    }

    @Bean
    OneTimeTask<Void> photoSyncTask(JdbcSyncJobStore store, PhotoSyncService service, List<SyncJobListener> listeners, JobsProperties properties,
                                    JobMetrics metrics) {
        SyncJobRunner runner = new SyncJobRunner(store, service, listeners, properties, metrics, clock);
        return Tasks.oneTime(SYNC_TASK)
                .onFailure(new UnexpectedFailures(jobId -> runner.abandon(jobId, "gave-up"), clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> correlated(instance.getId(), () -> runner.run(instance.getId())));
    }

    /** Every log line of a job carries its id ({@code logging.pattern.correlation}). */
    private static void correlated(String id, Runnable work) {
        MDC.put("correlation", id);
        try {
            work.run();
        } finally {
            MDC.remove("correlation");
        }
    }

    /** A tenant scan: runs (or resumes) to the end; Microsoft's throttling makes it come back after Retry-After. */
    @Bean
    OneTimeTask<Void> tenantScanTask(org.springframework.beans.factory.ObjectProvider<Scans> scans) {
        return Tasks.oneTime(SCAN_TASK)
                .onFailure(new UnexpectedFailures(id -> { }, clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> correlated(instance.getId(), () -> {
                    try {
                        scans.getObject().run(instance.getId());
                    } catch (io.photosync.sync.RemoteServiceException e) {
                        Duration wait = e.retryAfter().orElse(Duration.ofMinutes(1));
                        throw new RetryLater(clock.instant().plus(wait), "scan " + instance.getId() + ": " + e.kind());
                    }
                }));
    }

    /**
     * Follows a run's syncs or nudges for its card: one instance per run, so one replica at a time
     * updates a card; it comes back every few seconds until all of them have ended.
     */
    @Bean
    CustomTask<Void> runFollowUpTask(org.springframework.beans.factory.ObjectProvider<Scans> scans) {
        return Tasks.custom(FOLLOW_UP_TASK, Void.class)
                .onFailure(new UnexpectedFailures(id -> { }, clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    MDC.put("correlation", instance.getId());
                    try {
                        return scans.getObject().followUp(instance.getId())
                                ? new CompletionHandler.OnCompleteRemove<>()
                                : (complete, operations) -> operations.reschedule(complete, clock.instant().plus(CARD_EVERY));
                    } finally {
                        MDC.remove("correlation");
                    }
                });
    }

    @Bean
    Scans scans(JdbcScanStore store, io.photosync.sync.TenantDirectory directory, io.photosync.sync.ProfilePhotoStore sharePoint,
                io.photosync.sync.SyncHistory history, SyncJobs jobs, Nudges nudges, List<ScanListener> listeners, ScanScope scope,
                Scheduler jobScheduler, OneTimeTask<Void> tenantScanTask, CustomTask<Void> runFollowUpTask, JdbcRunReports reports) {
        return new Scans(store, reports, directory, sharePoint, history, jobs, nudges, listeners, scope,
                jobScheduler, tenantScanTask, runFollowUpTask, CARD_EVERY, clock);
    }

    @Bean
    JdbcRunReports runReports(DataSource dataSource) {
        return new JdbcRunReports(JdbcClient.create(dataSource));
    }

    @Bean
    JdbcScanStore scanStore(DataSource dataSource, PlatformTransactionManager transactions) {
        return new JdbcScanStore(JdbcClient.create(dataSource), new TransactionTemplate(transactions), clock);
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry, DataSource dataSource) {
        return new JobMetrics(registry, JdbcClient.create(dataSource));
    }

    /** {@code /actuator/health} component {@code jobs}: DOWN when work waits ten minutes with nobody to take it. */
    @Bean
    HealthIndicator jobsHealthIndicator(DataSource dataSource) {
        return new JobsHealth(JdbcClient.create(dataSource), Duration.ofMinutes(10), clock);
    }

    /** Queues jobs that were accepted but never queued, because the process stopped in between. */
    @Bean
    RecurringTask<Void> syncJobRecovery(JdbcSyncJobStore store, OneTimeTask<Void> photoSyncTask, JobsProperties properties) {
        return Tasks.recurring("sync-job-recovery", FixedDelay.of(properties.recoverAfter()))
                .execute((instance, context) -> {
                    for (String id : store.acceptedBefore(clock.instant().minus(properties.recoverAfter()))) {
                        log.warn("job {} was accepted but never queued; queueing it now", id);
                        store.queue(id, null, clock.instant());
                        context.getSchedulerClient().scheduleIfNotExists(photoSyncTask.instance(id), clock.instant());
                    }
                });
    }

    @Bean
    JdbcNudgeStore nudgeStore(DataSource dataSource) {
        return new JdbcNudgeStore(JdbcClient.create(dataSource));
    }

    @Bean
    TenantPause tenantPause(DataSource dataSource, ProactiveProperties properties) {
        return new TenantPause(JdbcClient.create(dataSource), properties);
    }

    /** Shared through the database on PostgreSQL (several replicas); in memory on H2 (one). */
    @Bean
    SendRate sendRate(DataSource dataSource, ProactiveProperties properties) throws java.sql.SQLException {
        if (postgreSql(dataSource)) {
            return SendRate.shared(io.github.bucket4j.postgresql.Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).build(), properties);
        }
        log.info("The proactive send rate and the SharePoint budget are kept in memory (for one replica); use PostgreSQL for several.");
        return SendRate.local(properties);
    }

    /** Whether the database is PostgreSQL: then the rate limits live in it, shared by every replica. */
    private static boolean postgreSql(DataSource dataSource) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** SharePoint's resource units per minute, one budget for all replicas when they share PostgreSQL. */
    @Bean
    io.photosync.http.RequestBudget sharePointBudget(DataSource dataSource,
                                                     @org.springframework.beans.factory.annotation.Value("${photosync.sharepoint.budget-per-minute:1200}") int unitsPerMinute)
            throws java.sql.SQLException {
        if (postgreSql(dataSource)) {
            return SharePointBudget.shared(io.github.bucket4j.postgresql.Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).build(), unitsPerMinute);
        }
        return SharePointBudget.local(unitsPerMinute);
    }

    @Bean
    OneTimeTask<Void> nudgeDeliveryTask(JdbcNudgeStore nudgeStore, TenantPause tenantPause, SendRate sendRate,
                                        ProactiveChannel channel, ProactiveProperties properties, JobMetrics metrics) {
        NudgeDeliveryRunner runner = new NudgeDeliveryRunner(nudgeStore, tenantPause, sendRate, channel, properties, metrics, clock);
        return Tasks.oneTime(NUDGE_TASK)
                .onFailure(new UnexpectedFailures(id -> { }, clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    try {
                        MDC.put("correlation", instance.getId());
                        runner.run(instance.getId());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RetryLater(clock.instant(), "interrupted");
                    } finally {
                        MDC.remove("correlation");
                    }
                });
    }

    @Bean
    Nudges nudges(JdbcNudgeStore nudgeStore, TenantPause tenantPause, Scheduler jobScheduler, OneTimeTask<Void> nudgeDeliveryTask,
                  PlatformTransactionManager transactions) {
        return new Nudges(nudgeStore, tenantPause, jobScheduler, nudgeDeliveryTask, new TransactionTemplate(transactions), clock);
    }

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, List<OneTimeTask<?>> tasks, CustomTask<Void> runFollowUpTask, RecurringTask<Void> syncJobRecovery,
                           JobsProperties properties, ScanProperties scan, org.springframework.beans.factory.ObjectProvider<Scans> scans) {
        List<com.github.kagkarlsson.scheduler.task.Task<?>> known = new java.util.ArrayList<>(tasks);
        known.add(runFollowUpTask);
        List<RecurringTask<Void>> recurring = new java.util.ArrayList<>(List.of(syncJobRecovery));
        if (!scan.keepsReportsForever()) {
            // Runs and their reports name every member: they go once older than the retention, daily, on one replica.
            recurring.add(Tasks.recurring("report-retention", FixedDelay.ofHours(24))
                    .execute((instance, context) -> {
                        int deleted = scans.getObject().deleteReportsOlderThan(scan.reportRetention());
                        if (deleted > 0) {
                            log.info("deleted {} run report(s) older than {}", deleted, scan.reportRetention());
                        }
                    }));
        }
        if (scan.scheduled()) {
            // One scan per due time for the whole cluster: db-scheduler runs a recurring task once, on one replica.
            recurring.add(Tasks.recurring("scheduled-scan", com.github.kagkarlsson.scheduler.task.schedule.Schedules.cron(scan.schedule()))
                    .execute((instance, context) -> scans.getObject().start(null, scan.action(), "en", null, null)));
        }
        // Through the proxy, scheduling joins the caller's Spring transaction.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .enableImmediateExecution()
                .build();
    }

    /**
     * Starts the scheduler once the context is up. A context that is stopped (or paused, as the test
     * framework does with idle contexts) pauses it; it stops for good, letting running syncs finish,
     * when the context closes.
     */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(org.springframework.beans.factory.ObjectProvider<Scheduler> schedulers, JobsProperties properties) {
        return new SmartLifecycle() {
            /** Looked up when first started, so a process that never starts jobs (preflight) never builds them. */
            private Scheduler jobScheduler;

            private volatile boolean running;
            private volatile boolean started;

            @Override
            public boolean isAutoStartup() {
                return properties.autostart();
            }

            @Override
            public void start() {
                if (jobScheduler == null) {
                    jobScheduler = schedulers.getObject();
                }
                if (started) {
                    jobScheduler.resume();
                } else {
                    jobScheduler.start();
                    started = true;
                }
                running = true;
            }

            @Override
            public void stop() {
                if (jobScheduler != null) {
                    jobScheduler.pause();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    SyncJobs syncJobs(JdbcSyncJobStore store, Scheduler jobScheduler, OneTimeTask<Void> photoSyncTask, PlatformTransactionManager transactions) {
        return new SyncJobs(store, jobScheduler, photoSyncTask, new TransactionTemplate(transactions), jobScheduler::triggerCheckForDueExecutions, clock);
    }
}
