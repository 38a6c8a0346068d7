package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.photosync.Eventually;
import io.photosync.PhotoSyncApplication;
import io.photosync.http.RequestBudget;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Durable jobs on a real PostgreSQL (embedded), with whole application instances started and
 * stopped as a deployment would: a restart, a worker that dies mid-job, and two replicas sharing
 * one database.
 */
class JobsOnPostgresIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aQueuedJobSurvivesARestartAndCompletes() throws Exception {
        String database = freshDatabase();
        String jobId;
        try (ConfigurableApplicationContext before = replica(database)) {
            before.getBean(Scheduler.class).pause();
            SyncJobs jobs = before.getBean(SyncJobs.class);
            jobId = jobs.accept(SyncJobRequest.own("test:restart", JobPerson.id(Personas.ADELE), "en", null)).orElseThrow().id();
            jobs.start(jobId, null);
        }
        try (ConfigurableApplicationContext after = replica(database)) {
            SyncJobs jobs = after.getBean(SyncJobs.class);

            Eventually.await(() -> jobs.find(jobId).orElseThrow().state() == SyncJob.State.DONE, PATIENCE);

            assertThat(jobs.find(jobId).orElseThrow().attempts()).isEqualTo(1);
            assertThat(after.getBean(SimulatedTenant.class).sharePoint().photoFile(Personas.ADELE + "_MThumb.jpg")).isPresent();
        }
    }

    @Test
    void aJobAcceptedButNeverQueuedIsQueuedByTheRecoverySweep() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext replica = replica(database, "--photosync.jobs.recover-after=1s")) {
            SyncJobs jobs = replica.getBean(SyncJobs.class);
            // The process stopped after accepting the request and before queueing it.
            String jobId = jobs.accept(SyncJobRequest.own("test:orphan", JobPerson.id(Personas.PATTI), "en", null)).orElseThrow().id();

            Eventually.await(() -> jobs.find(jobId).orElseThrow().state() == SyncJob.State.DONE, PATIENCE);

            assertThat(jobs.find(jobId).orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOver() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext replica = replica(database)) {
            Scheduler scheduler = replica.getBean(Scheduler.class);
            scheduler.pause();
            SyncJobs jobs = replica.getBean(SyncJobs.class);
            String jobId = jobs.accept(SyncJobRequest.own("test:takeover", JobPerson.id(Personas.ALEX), "en", null)).orElseThrow().id();
            jobs.start(jobId, null);
            JdbcClient jdbc = JdbcClient.create(replica.getBean(DataSource.class));
            // What a worker leaves behind when its machine dies mid-sync: a picked execution whose
            // heartbeat stopped, a running job, and the person's lease.
            jdbc.sql("update scheduled_tasks set picked = true, picked_by = 'replica-that-died', last_heartbeat = now() - interval '1 hour', "
                    + "version = version + 1 where task_instance = ?").param(jobId).update();
            jdbc.sql("update sync_job set state = 'RUNNING', attempts = 1 where id = ?").param(jobId).update();
            jdbc.sql("insert into subject_lease (subject_id, job_id, expires_at) values (?, ?, now() + interval '1 hour')")
                    .params(Personas.ALEX, jobId).update();

            scheduler.resume();

            Eventually.await(() -> jobs.find(jobId).orElseThrow().state() == SyncJob.State.DONE, PATIENCE);
            assertThat(jobs.find(jobId).orElseThrow().attempts()).isEqualTo(2);
            // The lease is released once the job's listeners (audit, card) have run, just after DONE.
            Eventually.await(() -> jdbc.sql("select count(*) from subject_lease").query(Integer.class).single() == 0, PATIENCE);
        }
    }

    @Test
    void twoReplicasRunTwoHundredJobsEachExactlyOnce() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext first = replica(database); ConfigurableApplicationContext second = replica(database)) {
            List<SimulatedTenant> tenants = List.of(first.getBean(SimulatedTenant.class), second.getBean(SimulatedTenant.class));
            List<String> people = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = UUID.randomUUID().toString();
                people.add(id);
                for (SimulatedTenant tenant : tenants) {
                    tenant.addUser(id, "worker" + i + "@" + Personas.DOMAIN, "Worker " + i, false)
                            .setPhoto(Personas.byId(Personas.ADELE).photo(), "image/jpeg", 648, 648);
                    tenant.sharePoint().createProfile("worker" + i + "@" + Personas.DOMAIN);
                    tenant.clearReceivedRequests();
                }
            }
            first.getBean(Scheduler.class).pause();
            second.getBean(Scheduler.class).pause();
            SyncJobs jobs = first.getBean(SyncJobs.class);
            for (String person : people) {
                String jobId = jobs.accept(SyncJobRequest.own("test:bulk:" + person, JobPerson.id(person), "en", null)).orElseThrow().id();
                jobs.start(jobId, null);
            }
            first.getBean(Scheduler.class).resume();
            second.getBean(Scheduler.class).resume();
            JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));

            Eventually.await(() -> jdbc.sql("select count(*) from sync_job where state = 'DONE'").query(Integer.class).single() == 200, PATIENCE);

            assertThat(jdbc.sql("select attempts from sync_job").query(Integer.class).list()).hasSize(200).containsOnly(1);
            // db-scheduler removes an execution once its task returns, a moment after the job is DONE.
            Eventually.await(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = 'photo-sync'").query(Integer.class).single() == 0, PATIENCE);
            List<Long> uploadsPerReplica = tenants.stream().map(tenant -> tenant.receivedRequests().stream()
                    .filter(r -> r.path().endsWith("_MThumb.jpg',overwrite=true)")).count()).toList();
            assertThat(uploadsPerReplica.get(0) + uploadsPerReplica.get(1)).isEqualTo(200);
            assertThat(uploadsPerReplica).allSatisfy(count -> assertThat(count).isPositive());
        }
    }

    @Test
    void twoReplicasSpendOneSharePointBudget() throws Exception {
        String database = freshDatabase();
        try (ConfigurableApplicationContext first = replica(database, "--photosync.sharepoint.budget-per-minute=200");
             ConfigurableApplicationContext second = replica(database, "--photosync.sharepoint.budget-per-minute=200")) {
            RequestBudget one = first.getBean(RequestBudget.class);
            RequestBudget other = second.getBean(RequestBudget.class);

            for (int i = 0; i < 5; i++) {
                assertThat(one.tryAcquire(2)).as("the burst: a twentieth of 200").isZero();
            }

            assertThat(other.tryAcquire(1)).as("the other replica finds the minute's budget spent").isPositive();
        }
    }

    private static ConfigurableApplicationContext replica(String database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--management.server.port=0", "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                // The queue is under test, not the write: no Teams sign-in stands behind these jobs.
                "--photosync.sync.self-mode=app-only"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(PhotoSyncApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String freshDatabase() throws SQLException {
        String name = "photosync_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + name);
        }
        return name;
    }

}
