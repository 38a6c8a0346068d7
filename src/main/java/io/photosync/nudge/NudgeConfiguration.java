package io.photosync.nudge;

import io.photosync.cluster.SharedBuckets;
import io.photosync.jobs.DurableTask;
import io.photosync.jobs.DurableTasks;
import io.photosync.jobs.JobMetrics;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Nudges as durable deliveries, one per recipient, paced by a send rate all replicas share. */
@Configuration(proxyBeanMethods = false)
class NudgeConfiguration {

    private final Clock clock = Clock.systemUTC();

    @Bean
    JdbcNudgeStore nudgeStore(DataSource dataSource) {
        return new JdbcNudgeStore(JdbcClient.create(dataSource));
    }

    @Bean
    TenantPause tenantPause(DataSource dataSource, ProactiveProperties properties) {
        return new TenantPause(JdbcClient.create(dataSource), properties);
    }

    @Bean
    SendRate sendRate(SharedBuckets buckets, ProactiveProperties properties) {
        return buckets.database().map(shared -> SendRate.shared(shared, properties)).orElseGet(() -> SendRate.local(properties));
    }

    @Bean
    DurableTask nudgeDeliveryTask(DurableTasks tasks, JdbcNudgeStore store, TenantPause pause, SendRate rate, ProactiveChannel channel,
                                  ProactiveProperties properties, JobMetrics metrics) {
        NudgeDeliveryRunner runner = new NudgeDeliveryRunner(store, pause, rate, channel, properties, metrics, clock);
        return tasks.oneTime("nudge-delivery", runner::run);
    }

    @Bean
    Nudges nudges(JdbcNudgeStore store, TenantPause pause, DurableTask nudgeDeliveryTask, PlatformTransactionManager transactions) {
        return new Nudges(store, pause, nudgeDeliveryTask, new TransactionTemplate(transactions), clock);
    }
}
