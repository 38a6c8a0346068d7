package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.photosync.sync.Directory;
import io.photosync.sync.OwnProfile;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job runner when the sync itself blows up: an Error is not retried, and a job the scheduler gives up on ends failed. */
class SyncJobRunnerTests {

    private final JdbcClient jdbc = database();
    private final JdbcSyncJobStore store = new JdbcSyncJobStore(jdbc);
    private final List<SyncOutcome> ended = new ArrayList<>();
    private final SyncJobListener listener = new SyncJobListener() {
        @Override
        public void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt) {
        }

        @Override
        public void syncEnded(SyncJob job, SyncOutcome outcome) {
            ended.add(outcome);
        }
    };

    @Test
    void anErrorInTheSyncEndsTheJobAtOnceInsteadOfRetryingItForEver() {
        Directory exploding = id -> {
            throw new StackOverflowError();
        };
        SyncJobRunner runner = runner(exploding);
        SyncJob job = store.insert(SyncJobRequest.own("k1", JobPerson.id("u1"), "en", "{}"), Clock.systemUTC().instant()).orElseThrow();

        runner.run(job.id());

        assertThat(store.find(job.id()).orElseThrow().state()).isEqualTo(SyncJob.State.FAILED);
        assertThat(ended).singleElement().isInstanceOfSatisfying(SyncOutcome.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void aJobTheSchedulerGivesUpOnEndsFailedAndTellsItsListeners() {
        SyncJobRunner runner = runner(id -> Optional.empty());
        SyncJob job = store.insert(SyncJobRequest.own("k2", JobPerson.id("u2"), "en", "{}"), Clock.systemUTC().instant()).orElseThrow();

        runner.abandon(job.id(), "gave-up");
        runner.abandon(job.id(), "gave-up");

        assertThat(store.find(job.id()).orElseThrow().state()).isEqualTo(SyncJob.State.FAILED);
        assertThat(ended).as("once").hasSize(1);
    }

    private SyncJobRunner runner(Directory directory) {
        PhotoSource photos = id -> Optional.empty();
        PhotoSyncService service = new PhotoSyncService(directory, photos, (ProfilePhotoStore) null, (OwnProfile) null,
                new SyncProperties(300, false, SyncProperties.SelfMode.APP_ONLY, SyncProperties.Mode.WRITE), Clock.systemUTC());
        JobsProperties properties = new JobsProperties(1, Duration.ofSeconds(1), Duration.ofSeconds(5), 6, 5, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofMinutes(2), false);
        return new SyncJobRunner(store, service, List.of(listener), properties, new JobMetrics(new SimpleMeterRegistry(), jdbc), Clock.systemUTC());
    }

    private static JdbcClient database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:runner-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(h2);
    }
}
