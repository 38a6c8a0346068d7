package io.photosync.scan;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled tenant scan ({@code photosync.scan.*}).
 *
 * @param schedule when to scan by itself: a cron expression with seconds (e.g. {@code 0 0 3 * * SUN}), or {@code -} for never
 * @param action what a scheduled scan does with stale and missing photos: {@code report}, {@code fix} or {@code nudge}
 * @param reportRetention how long a run and its report (every member's name, UPN and finding) are kept after it
 *                        started; {@code 0} keeps them until an admin deletes them
 */
@ConfigurationProperties("photosync.scan")
public record ScanProperties(@DefaultValue("-") String schedule, @DefaultValue("report") String action,
                             @DefaultValue("90d") Duration reportRetention) {

    public ScanProperties {
        if (!List.of("report", "fix", "nudge").contains(action)) {
            throw new IllegalArgumentException("photosync.scan.action must be report, fix or nudge, not '" + action + "'");
        }
    }

    /** What a scheduled scan does. */
    public RunAction runAction() {
        return RunAction.of(action);
    }

    public boolean keepsReportsForever() {
        return reportRetention.isZero() || reportRetention.isNegative();
    }

    public boolean scheduled() {
        return !schedule.isBlank() && !schedule.strip().equals("-");
    }
}
