package io.photosync.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.Eventually;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.nudge.Nudges;
import io.photosync.sandbox.Personas;
import io.photosync.teams.TeamsChannelTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** What an operator of the service watches: health with its components, Prometheus metrics, correlated logs. */
@ExtendWith(OutputCaptureExtension.class)
class OperabilityIntegrationTests extends TeamsChannelTestBase {

    @Autowired
    Nudges nudges;

    @Autowired
    SyncJobs jobs;

    @Test
    void healthNamesTheDatabaseAndTheJobQueue() throws Exception {
        String health = get("/actuator/health");

        assertThat(health).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"").contains("\"jobs\":{\"status\":\"UP\"");
    }

    @Test
    void syncsAndProactiveSendsShowInPrometheusAndJobLogsCarryTheJobId(CapturedOutput output) throws Exception {
        String jobId = jobs.accept(SyncJobRequest.onBehalf("test:metrics:" + System.nanoTime(), JobPerson.id(Personas.PATTI), JobPerson.id(Personas.ALEX), "en", null))
                .orElseThrow().id();
        jobs.start(jobId, null);
        Eventually.await(() -> jobs.find(jobId).orElseThrow().state() == SyncJob.State.DONE, Duration.ofSeconds(20));
        ObjectNode added = teams.installed(Personas.NESTOR, "en-US");
        teams.post(added);
        awaitSent(added, 1);
        tenant.botConnector().refuseNext(1, 429, Duration.ZERO);
        String campaign = nudges.start(Personas.ALEX, List.of(Personas.NESTOR), "en").id();
        Eventually.await(() -> nudges.status(campaign).pending() == 0, Duration.ofSeconds(20));

        String metrics = get("/actuator/prometheus");

        assertThat(metrics).contains("photosync_syncs_total{mode=\"app-only\",outcome=\"synced\"}")
                .contains("photosync_sync_duration_seconds_count{outcome=\"synced\"}")
                .contains("photosync_jobs_queued ")
                .contains("photosync_throttled_total{source=\"teams\"}")
                .contains("photosync_proactive_sends_total{result=\"sent\"}");
        assertThat(output.getOut()).containsPattern("\\[" + jobId + "\\] .*job " + jobId + " \\(attempt 1\\)");
    }

    @LocalManagementPort
    int managementPort;

    /** The actuator answers on its own port, which the recipes never publish. */
    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
