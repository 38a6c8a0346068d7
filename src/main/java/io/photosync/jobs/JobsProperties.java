package io.photosync.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Durable job settings ({@code photosync.jobs.*}).
 *
 * @param threads syncs running at once in one replica
 * @param pollingInterval how often a replica looks for due jobs
 * @param heartbeatInterval how often a running job proves its worker alive
 * @param missedHeartbeats heartbeats missed before another replica revives the job
 * @param maxAttempts tries before a retryable failure is reported as final
 * @param firstRetry the wait before the second try, doubled each time after (unless Microsoft asks for longer)
 * @param subjectLease how long one person's sync may block another of theirs if its worker dies
 * @param recoverAfter how old an accepted job that never reached the queue must be before it is queued anyway
 * @param autostart whether this process runs jobs at all; false for one that only checks the setup (preflight)
 */
@Validated
@ConfigurationProperties("photosync.jobs")
public record JobsProperties(@DefaultValue("8") @Min(1) @Max(256) int threads,
                             @DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration pollingInterval,
                             @DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration heartbeatInterval,
                             @DefaultValue("6") @Min(1) int missedHeartbeats,
                             @DefaultValue("5") @Min(1) int maxAttempts,
                             @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration firstRetry,
                             @DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration subjectLease,
                             @DefaultValue("2m") @NotNull @DurationMin(seconds = 1) Duration recoverAfter,
                             @DefaultValue("true") boolean autostart) {
}
