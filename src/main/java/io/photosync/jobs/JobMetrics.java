package io.photosync.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.photosync.sync.SyncOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the jobs do, for Prometheus ({@code /actuator/prometheus}): syncs by outcome and mode and
 * how long each took, throttling by where it came from, proactive sends by result, and the queue.
 */
public final class JobMetrics {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        Gauge.builder("photosync.jobs.queued", jdbc, JobMetrics::queued)
                .description("Syncs and nudge deliveries waiting for a worker (due and not picked)")
                .register(registry);
    }

    void syncEnded(SyncOutcome outcome, Duration took) {
        String mode = outcome instanceof SyncOutcome.Synced synced ? synced.mode().name().toLowerCase(Locale.ROOT).replace('_', '-') : "none";
        Counter.builder("photosync.syncs").description("Sync attempts, by outcome and write mode (a retried sync counts each attempt)")
                .tag("outcome", outcome.code()).tag("mode", mode).register(registry).increment();
        Timer.builder("photosync.sync.duration").description("One sync attempt, from the worker taking it to its outcome")
                .tag("outcome", outcome.code()).register(registry).record(took);
    }

    /** Microsoft asked PhotoSync to wait: {@code sync} (Graph or SharePoint, for a job) or {@code teams} (a proactive send). */
    public void throttled(String source) {
        Counter.builder("photosync.throttled").description("Times Microsoft asked PhotoSync to slow down")
                .tag("source", source).register(registry).increment();
    }

    public void proactiveSend(String result) {
        Counter.builder("photosync.proactive.sends").description("Proactive nudge deliveries, by result")
                .tag("result", result).register(registry).increment();
    }

    private static double queued(JdbcClient jdbc) {
        try {
            return jdbc.sql("select count(*) from scheduled_tasks where picked = false and execution_time <= ?")
                    .param(OffsetDateTime.now(ZoneOffset.UTC)).query(Long.class).single();
        } catch (RuntimeException databaseNotReady) {
            return Double.NaN;
        }
    }
}
