package io.photosync.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** With a schedule, the tenant is scanned by itself (here every two seconds); the context is closed after. */
@SpringBootTest(properties = {
        "photosync.sandbox.port=0",
        "photosync.sandbox.connector-port=0",
        "photosync.scan.schedule=*/2 * * * * *",
        "photosync.scan.action=report"})
@DirtiesContext
class ScheduledScanIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void scansOnItsScheduleWithNobodyAsking() throws Exception {
        Eventually.await(() -> jdbc.sql("select count(*) from scan_run where requested_by is null and state = 'DONE'")
                .query(Integer.class).single() >= 1, Duration.ofSeconds(30));

        assertThat(jdbc.sql("select count(*) from scan_finding f join scan_run r on r.id = f.run_id where r.requested_by is null")
                .query(Integer.class).single()).isPositive();
    }
}
