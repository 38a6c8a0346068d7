package io.photosync.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tenant-wide pause on the real schema: refusals in a row pause everyone, a success ends the streak. */
class TenantPauseTests {

    private static final Instant NOW = Instant.parse("2026-12-02T20:16:09Z");

    private final TenantPause pause = new TenantPause(database(), new ProactiveProperties(30, 7, 3, Duration.ofSeconds(5), 8));

    @Test
    void threeRefusalsInARowPauseTheTenantEvenWhenTheFirstCountedReadTheClockLater() {
        // Five senders read the clock, then take turns to count: the first to count read it last.
        pause.refused(Duration.ZERO, NOW.plusMillis(3));
        pause.refused(Duration.ZERO, NOW.plusMillis(1));
        Instant resume = pause.refused(Duration.ZERO, NOW.plusMillis(2));

        assertThat(pause.pauses()).isEqualTo(1);
        assertThat(resume).isEqualTo(NOW.plusMillis(2).plusSeconds(5));
        assertThat(pause.pausedUntil(NOW.plusSeconds(1))).hasValue(resume);
    }

    @Test
    void aSuccessBetweenRefusalsStartsTheCountAgain() {
        pause.refused(Duration.ZERO, NOW);
        pause.refused(Duration.ZERO, NOW);
        pause.succeeded();
        pause.refused(Duration.ZERO, NOW);

        assertThat(pause.pauses()).isZero();
        assertThat(pause.pausedUntil(NOW)).isEmpty();
    }

    private static JdbcClient database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pause-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(h2);
    }
}
