package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A job and its "Syncing…" card: the job is queued first, then the card is sent; the job's end learns the card's id, or that there is none. */
class SyncJobsTests {

    private final JdbcDataSource database = database();
    private final JdbcSyncJobStore store = new JdbcSyncJobStore(JdbcClient.create(database));
    private final List<String> scheduled = new ArrayList<>();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final SyncJobs jobs = new SyncJobs(store, new DurableTasks(this::recordingScheduler, Clock.systemUTC()).oneTime("photo-sync", id -> { }),
            new TransactionTemplate(new DataSourceTransactionManager(database)), () -> woken.set(true), Clock.systemUTC());

    @Test
    void queuesTheJobBeforeItsCardIsSentAndKeepsTheCardsId() {
        String jobId = jobs.accept(SyncJobRequest.own("k1", JobPerson.id("u1"), "en", "{}")).orElseThrow().id();

        CompletableFuture<Void> shown = jobs.startWhenShown(jobId, () -> {
            assertThat(store.find(jobId).orElseThrow().state()).isEqualTo(SyncJob.State.QUEUED);
            assertThat(scheduled).as("its work is queued").containsExactly(jobId);
            assertThat(woken).as("the scheduler is woken").isTrue();
            assertThat(store.cardPending(jobId)).as("its end is to wait for the card").isTrue();
            return CompletableFuture.completedFuture("card-1");
        });

        assertThat(shown).isCompleted();
        assertThat(store.cardPending(jobId)).isFalse();
        assertThat(store.find(jobId).orElseThrow().cardActivityId()).isEqualTo("card-1");
    }

    @Test
    void aCardThatCannotEvenBeSentLeavesTheJobQueuedAndItsEndNotWaiting() {
        String jobId = jobs.accept(SyncJobRequest.own("k2", JobPerson.id("u2"), "en", "{}")).orElseThrow().id();

        CompletableFuture<Void> shown = jobs.startWhenShown(jobId, () -> {
            throw new IllegalStateException("no conversation to send to");
        });

        assertThat(shown).isCompletedExceptionally();
        assertThat(store.cardPending(jobId)).as("the end sends a new card instead of waiting 30 s").isFalse();
        assertThat(store.find(jobId).orElseThrow().state()).isEqualTo(SyncJob.State.QUEUED);
        assertThat(scheduled).containsExactly(jobId);
    }

    /** db-scheduler's client, recording what is queued instead of writing it. */
    private SchedulerClient recordingScheduler() {
        return (SchedulerClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SchedulerClient.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("scheduleIfNotExists")) {
                scheduled.add(((TaskInstance<?>) arguments[0]).getId());
                return true;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sync-jobs-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }
}
