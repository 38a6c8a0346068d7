package io.photosync.scan;

import io.photosync.jobs.DurableTask;
import io.photosync.jobs.DurableTasks;
import io.photosync.jobs.Recurring;
import io.photosync.jobs.RetryLater;
import io.photosync.jobs.SyncJobs;
import io.photosync.nudge.Nudges;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs as durable tasks: the scan, the follow-up that keeps a run's card current, the schedule and the retention sweep. */
@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScanConfiguration.class);
    /** How often a run's card may change: Teams allows more, but people cannot read faster. */
    private static final Duration CARD_EVERY = Duration.ofSeconds(3);

    private final Clock clock = Clock.systemUTC();

    @Bean
    JdbcScanStore scanStore(DataSource dataSource, PlatformTransactionManager transactions) {
        return new JdbcScanStore(JdbcClient.create(dataSource), new TransactionTemplate(transactions), clock);
    }

    @Bean
    JdbcRunReports runReports(DataSource dataSource) {
        return new JdbcRunReports(JdbcClient.create(dataSource));
    }

    /** A tenant scan: runs (or resumes) to the end; Microsoft's throttling makes it come back after Retry-After. */
    @Bean
    DurableTask tenantScanTask(DurableTasks tasks, ObjectProvider<Scans> scans) {
        return tasks.oneTime("tenant-scan", id -> {
            try {
                scans.getObject().run(id);
            } catch (RemoteServiceException e) {
                throw new RetryLater(clock.instant().plus(e.retryAfter().orElse(Duration.ofMinutes(1))), "scan " + id + ": " + e.kind());
            }
        });
    }

    /**
     * Follows a run's syncs or nudges for its card: one instance per run, so one replica at a time
     * updates a card; it comes back every few seconds until all of them have ended.
     */
    @Bean
    DurableTask runFollowUpTask(DurableTasks tasks, ObjectProvider<Scans> scans) {
        return tasks.repeating("run-follow-up", CARD_EVERY, id -> scans.getObject().followUp(id));
    }

    @Bean
    Scans scans(JdbcScanStore store, JdbcRunReports reports, TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history,
                SyncJobs jobs, Nudges nudges, List<ScanListener> listeners, ScanScope scope, DurableTask tenantScanTask,
                DurableTask runFollowUpTask) {
        return new Scans(store, reports, directory, sharePoint, history, jobs, nudges, listeners, scope, tenantScanTask, runFollowUpTask,
                CARD_EVERY, clock);
    }

    /** One scan per due time for the whole cluster, when {@code photosync.scan.schedule} names one. */
    @Bean
    Recurring scheduledScan(ScanProperties scan, ObjectProvider<Scans> scans) {
        if (!scan.scheduled()) {
            return Recurring.never("scheduled-scan");
        }
        return Recurring.cron("scheduled-scan", scan.schedule(), () -> scans.getObject().start(null, scan.runAction(), "en", null, null));
    }

    /** Runs and their reports name every member: they go once older than the retention, daily, on one replica. */
    @Bean
    Recurring reportRetention(ScanProperties scan, ObjectProvider<Scans> scans) {
        if (scan.keepsReportsForever()) {
            return Recurring.never("report-retention");
        }
        return Recurring.every("report-retention", Duration.ofHours(24), () -> {
            int deleted = scans.getObject().deleteReportsOlderThan(scan.reportRetention());
            if (deleted > 0) {
                log.info("deleted {} run report(s) older than {}", deleted, scan.reportRetention());
            }
        });
    }

    @Bean
    TenantScan tenantScan(TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history, ScanStore store) {
        return new TenantScan(directory, sharePoint, history, store);
    }
}
