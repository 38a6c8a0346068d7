package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobsHealthTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final JdbcClient jdbc = database();
    private final JobsHealth health = new JobsHealth(jdbc, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isUpWhileNothingKeepsFailing() {
        task("photo-sync", "a", NOW.plusSeconds(30), 2);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void saysFailingWhenATaskHasFailedThreeTimesInARow() {
        task("photo-sync", "b", NOW.plusSeconds(60), JobsHealth.FAILING_AFTER);

        assertThat(health.health().getStatus().getCode()).isEqualTo(JobsHealth.FAILING);
        assertThat(health.health().getDetails()).containsEntry("failing", 1L);
    }

    @Test
    void isDownWhenDueWorkWaitsWithNobodyToTakeIt() {
        task("photo-sync", "c", NOW.minus(Duration.ofMinutes(11)), 5);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private void task(String name, String id, Instant due, int failures) {
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, consecutive_failures, version) "
                + "values (?, ?, ?, false, ?, 1)").params(name, id, due.atOffset(ZoneOffset.UTC), failures).update();
    }

    private static JdbcClient database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(h2);
    }
}
