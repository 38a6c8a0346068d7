package io.photosync.nudge;

import io.photosync.http.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenant-wide pause every replica obeys when Teams keeps answering 429: after
 * {@code pauseAfterRefusals} refusals in a row, nobody sends until {@code paused_until}; each
 * refusal after a pause doubles the next one (up to five minutes; refusals of sends made before
 * the pause began do not count), and a successful send ends the streak.
 */
final class TenantPause {

    private static final String TENANT = "teams";
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final ProactiveProperties properties;

    TenantPause(JdbcClient jdbc, ProactiveProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Optional<Instant> pausedUntil(Instant now) {
        return jdbc.sql("select paused_until from proactive_pause where tenant = ?").param(TENANT)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).filter(until -> until.isAfter(now));
    }

    /** Counts a refusal; returns when sending may resume (now, unless a pause starts or goes on). */
    synchronized Instant refused(Duration retryAfter, Instant now) {
        ensureRow();
        Optional<Instant> current = pausedUntil(now);
        if (current.isPresent()) {
            // Sent before the pause began: the same burst, not a reason to pause longer.
            return latest(current.get(), now.plus(retryAfter));
        }
        int streak = jdbc.sql("select consecutive_refusals from proactive_pause where tenant = ?").param(TENANT).query(Integer.class).single() + 1;
        Instant resume = now.plus(retryAfter);
        if (streak >= properties.pauseAfterRefusals()) {
            Duration pause = Backoff.doubling(properties.firstPause(), LONGEST).after(streak - properties.pauseAfterRefusals() + 1);
            resume = latest(resume, now.plus(pause));
            jdbc.sql("update proactive_pause set consecutive_refusals = ?, paused_until = ?, pauses = pauses + 1 where tenant = ?")
                    .params(streak, time(resume), TENANT).update();
        } else {
            jdbc.sql("update proactive_pause set consecutive_refusals = ? where tenant = ?").params(streak, TENANT).update();
        }
        return resume;
    }

    void succeeded() {
        jdbc.sql("update proactive_pause set consecutive_refusals = 0 where tenant = ? and consecutive_refusals > 0").param(TENANT).update();
    }

    /** How many tenant-wide pauses there have been. */
    int pauses() {
        return jdbc.sql("select pauses from proactive_pause where tenant = ?").param(TENANT).query(Integer.class).optional().orElse(0);
    }

    /**
     * The tenant's row, not paused: its first {@code paused_until} is long past, not "now" — a refusal
     * counted by a thread whose clock read came a moment earlier would otherwise see a pause that
     * never began and not count towards one.
     */
    private void ensureRow() {
        try {
            jdbc.sql("insert into proactive_pause (tenant, paused_until, consecutive_refusals, pauses) values (?, ?, 0, 0)")
                    .params(TENANT, time(Instant.EPOCH)).update();
        } catch (DuplicateKeyException exists) {
            // the usual case
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
