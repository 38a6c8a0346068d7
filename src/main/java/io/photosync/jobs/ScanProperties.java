package io.photosync.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled tenant scan ({@code photosync.scan.*}).
 *
 * @param schedule when to scan by itself: a cron expression with seconds (e.g. {@code 0 0 3 * * SUN}), or {@code -} for never
 * @param action what a scheduled scan does with stale and missing photos: {@code report}, {@code fix} or {@code nudge}
 */
@ConfigurationProperties("photosync.scan")
public record ScanProperties(@DefaultValue("-") String schedule, @DefaultValue("report") String action) {

    public ScanProperties {
        if (!java.util.List.of("report", "fix", "nudge").contains(action)) {
            throw new IllegalArgumentException("photosync.scan.action must be report, fix or nudge, not '" + action + "'");
        }
    }

    boolean scheduled() {
        return !schedule.isBlank() && !schedule.strip().equals("-");
    }
}
