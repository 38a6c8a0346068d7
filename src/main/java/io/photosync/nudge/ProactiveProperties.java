package io.photosync.nudge;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Proactive sending ({@code photosync.proactive.*}), paced to Teams' limits.
 *
 * @param tenantRate sends per second for the whole tenant, shared by all replicas (Teams allows about 30–50)
 * @param conversationRate sends per second into one conversation (Teams allows 7)
 * @param pauseAfterRefusals consecutive 429s after which every replica pauses sending
 * @param firstPause the first tenant-wide pause, doubled while refusals go on
 * @param maxAttempts tries of one delivery before it is reported failed
 */
@Validated
@ConfigurationProperties("photosync.proactive")
public record ProactiveProperties(@DefaultValue("30") @Min(1) int tenantRate,
                                  @DefaultValue("7") @Min(1) int conversationRate,
                                  @DefaultValue("3") @Min(1) int pauseAfterRefusals,
                                  @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration firstPause,
                                  @DefaultValue("8") @Min(1) int maxAttempts) {
}
