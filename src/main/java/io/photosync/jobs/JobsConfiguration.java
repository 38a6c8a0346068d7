package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.photosync.sync.PhotoSyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Duration UNEXPECTED_FAILURE_RETRY = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();

    @Bean
    JdbcSyncJobStore syncJobStore(DataSource dataSource) {
        return new JdbcSyncJobStore(JdbcClient.create(dataSource));
    }

    @Bean
    OneTimeTask<Void> photoSyncTask(JdbcSyncJobStore store, PhotoSyncService service, List<SyncJobListener> listeners, JobsProperties properties) {
        SyncJobRunner runner = new SyncJobRunner(store, service, listeners, properties, clock);
        FailureHandler<Void> retry = (complete, operations) -> {
            Throwable cause = complete.getCause().orElse(null);
            if (cause instanceof SyncJobRunner.RetryLater later) {
                operations.reschedule(complete, later.when);
            } else {
                log.error("job {} failed unexpectedly; retrying in {}", complete.getExecution().taskInstance.getId(), UNEXPECTED_FAILURE_RETRY, cause);
                operations.reschedule(complete, clock.instant().plus(UNEXPECTED_FAILURE_RETRY));
            }
        };
        return Tasks.oneTime(SYNC_TASK)
                .onFailure(retry)
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> runner.run(instance.getId()));
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

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, OneTimeTask<Void> photoSyncTask, RecurringTask<Void> syncJobRecovery, JobsProperties properties) {
        // Through the proxy, scheduling joins the caller's Spring transaction.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), photoSyncTask)
                .startTasks(syncJobRecovery)
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
    SmartLifecycle jobSchedulerLifecycle(Scheduler jobScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;
            private volatile boolean started;

            @Override
            public void start() {
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
                jobScheduler.pause();
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
        return new SyncJobs(store, jobScheduler, photoSyncTask, new TransactionTemplate(transactions), clock);
    }
}
