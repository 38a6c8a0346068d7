package io.photosync.scan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled tenant scan ({@code photosync.scan.*}).
 *
 * @param schedule when to scan by itself: a cron expression with seconds (e.g. {@code 0 0 3 * * SUN}), or {@code -} for never
 * @param action what a scheduled scan does with stale and missing photos: {@code report}, {@code fix} or {@code nudge}
 * @param reportRetention how long a run and its report (every member's name, UPN and finding) are kept after it
 *                        started; {@code 0} keeps them until an admin deletes them
 */
@Validated
@ConfigurationProperties("photosync.scan")
public record ScanProperties(@DefaultValue("-") @NotNull String schedule,
                             @DefaultValue("report") @Pattern(regexp = "report|fix|nudge", message = "must be report, fix or nudge") String action,
                             @DefaultValue("90d") @NotNull Duration reportRetention) {

    /** What a scheduled scan does. */
    RunAction runAction() {
        return RunAction.of(action);
    }

    boolean keepsReportsForever() {
        return reportRetention.isZero() || reportRetention.isNegative();
    }

    boolean scheduled() {
        return !schedule.isBlank() && !schedule.strip().equals("-");
    }
}
