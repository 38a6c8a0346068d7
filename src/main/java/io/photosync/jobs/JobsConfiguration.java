package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.photosync.sync.PhotoSyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * db-scheduler on the application's database: the tasks every module declares as
 * {@link DurableTask} and {@link Recurring} beans, the sync task and its recovery sweep.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);
    static final String SYNC_TASK = "photo-sync";

    private final Clock clock = Clock.systemUTC();

    @Bean
    DurableTasks durableTasks(ObjectProvider<Scheduler> scheduler) {
        return new DurableTasks(scheduler::getObject, clock);
    }

    @Bean
    JdbcSyncJobStore syncJobStore(DataSource dataSource) {
        return new JdbcSyncJobStore(JdbcClient.create(dataSource));
    }

    @Bean
    DurableTask photoSyncTask(DurableTasks tasks, JdbcSyncJobStore store, PhotoSyncService service, List<SyncJobListener> listeners,
                              JobsProperties properties, JobMetrics metrics) {
        SyncJobRunner runner = new SyncJobRunner(store, service, listeners, properties, metrics, clock);
        return tasks.oneTime(SYNC_TASK, runner::run, jobId -> runner.abandon(jobId, "gave-up"));
    }

    /** Queues jobs that were accepted but never queued, because the process stopped in between. */
    @Bean
    Recurring syncJobRecovery(JdbcSyncJobStore store, DurableTask photoSyncTask, JobsProperties properties) {
        return Recurring.every("sync-job-recovery", properties.recoverAfter(), () -> {
            for (String id : store.acceptedBefore(clock.instant().minus(properties.recoverAfter()))) {
                log.warn("job {} was accepted but never queued; queueing it now", id);
                store.queue(id, null, clock.instant());
                photoSyncTask.queueIfAbsent(id);
            }
        });
    }

    @Bean
    SyncJobs syncJobs(JdbcSyncJobStore store, ObjectProvider<Scheduler> scheduler, DurableTask photoSyncTask,
                      PlatformTransactionManager transactions) {
        return new SyncJobs(store, photoSyncTask, new TransactionTemplate(transactions),
                () -> scheduler.getObject().triggerCheckForDueExecutions(), clock);
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

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, List<DurableTask> tasks, List<Recurring> recurring, JobsProperties properties) {
        List<Task<?>> known = tasks.stream().<Task<?>>map(DurableTask::task).toList();
        List<RecurringTask<Void>> scheduled = recurring.stream()
                .filter(work -> !(work.when() instanceof Recurring.Never))
                .map(work -> Tasks.recurring(work.name(), schedule(work.when())).execute((instance, context) -> work.work().run()))
                .toList();
        // Through the proxy, scheduling joins the caller's Spring transaction.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(scheduled)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .enableImmediateExecution()
                .build();
    }

    private static Schedule schedule(Recurring.When when) {
        if (when instanceof Recurring.Every every) {
            return FixedDelay.of(every.delay());
        }
        return Schedules.cron(((Recurring.Cron) when).expression());
    }

    /**
     * Starts the scheduler once the context is up. A context that is stopped (or paused, as the test
     * framework does with idle contexts) pauses it; it stops for good, letting running syncs finish,
     * when the context closes.
     */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(ObjectProvider<Scheduler> schedulers, JobsProperties properties) {
        return new SchedulerLifecycle(schedulers, properties.autostart());
    }
}
