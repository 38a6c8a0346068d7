package io.photosync.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job queue in {@code /actuator/health}: DOWN when work has been due for longer than
 * {@code stuckAfter} and no replica picked it up (the schedulers are stopped or all busy);
 * {@value #FAILING} when some task has failed {@value #FAILING_AFTER} times in a row and is still
 * being retried (the replica itself is fine, so the probes stay UP, but someone should look).
 */
final class JobsHealth implements HealthIndicator {

    static final String FAILING = "FAILING";
    static final int FAILING_AFTER = 3;

    private final JdbcClient jdbc;
    private final Duration stuckAfter;
    private final Clock clock;

    JobsHealth(JdbcClient jdbc, Duration stuckAfter, Clock clock) {
        this.jdbc = jdbc;
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long due = jdbc.sql("select count(*) from scheduled_tasks where picked = false and execution_time <= ?").param(now).query(Long.class).single();
        Optional<OffsetDateTime> oldest = jdbc.sql("select min(execution_time) from scheduled_tasks where picked = false and execution_time <= ?")
                .param(now).query(OffsetDateTime.class).optional();
        Duration waiting = oldest.map(time -> Duration.between(time, now)).orElse(Duration.ZERO);
        long failing = jdbc.sql("select count(*) from scheduled_tasks where consecutive_failures >= ?").param(FAILING_AFTER)
                .query(Long.class).single();
        Health.Builder health = waiting.compareTo(stuckAfter) > 0 ? Health.down() : failing > 0 ? Health.status(FAILING) : Health.up();
        return health.withDetail("due", due).withDetail("oldestWaitingSeconds", waiting.toSeconds()).withDetail("failing", failing).build();
    }
}
