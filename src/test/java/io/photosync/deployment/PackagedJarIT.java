package io.photosync.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container, without a container runtime (images cannot be pulled here): the packaged jar
 * started with exactly the entrypoint, environment and port {@code deployment/Dockerfile}
 * declares, in an empty working directory as the image's {@code /app}, becomes ready. With no
 * tenant configured it runs in sandbox mode, as a fresh container would.
 */
class PackagedJarIT {

    @TempDir
    Path workingDirectory;

    @Test
    void startsAsTheImageDoesAndBecomesReady() throws Exception {
        Dockerfile docker = Dockerfile.read(Path.of("deployment/Dockerfile"));
        Path app = prepareAsTheBuildStageDoes(docker);
        List<String> command = new ArrayList<>(docker.entrypoint());
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The image's /app: its working directory, where the jar, its libraries and the archive are.
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(workingDirectory.resolve("photosync.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PHOTOSYNC_") || name.startsWith("SPRING_"));
        builder.environment().putAll(docker.environment());
        Process photosync = builder.start();
        try {
            String readiness = "http://localhost:" + docker.exposedPort() + DeploymentFilesTests.READINESS;
            assertThat(awaitUp(readiness, Duration.ofSeconds(120), photosync)).as(log()).isTrue();
            assertThat(log()).as("the JVM takes the class-data archive the build made").doesNotContain("[cds]").doesNotContain("shared archive");
        } finally {
            photosync.destroy();
            photosync.waitFor();
        }
    }

    /**
     * What the build stage does after {@code package}, done here to the packaged jar
     * ({@link Dockerfile#prepare}); the directory the final stage copies to {@code /app}.
     */
    private Path prepareAsTheBuildStageDoes(Dockerfile docker) throws Exception {
        Path jar = Path.of("target/photosync.jar").toAbsolutePath();
        assertThat(jar).exists();
        assertThat(docker.preparation()).as("the build stage unpacks the jar and records a class-data archive").hasSize(2);
        Path app = docker.prepare(jar, workingDirectory);
        assertThat(app.resolve("photosync.jar")).exists();
        assertThat(app.resolve("photosync.jsa")).exists();
        assertThat(app.resolve("data")).as("the training start keeps no database in the image").doesNotExist();
        return app;
    }

    /** {@code java -jar photosync.jar preflight --record}: against the sandbox, every probe recorded, nothing personal or secret in the file. */
    @Test
    void preflightRecordsEveryProbeAgainstTheSandbox() throws Exception {
        Path recording = workingDirectory.resolve("out.json");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/photosync.jar").toAbsolutePath().toString(), "preflight", "--user", "adelev@contoso.onmicrosoft.com",
                "--record", recording.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(workingDirectory.resolve("photosync.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PHOTOSYNC_") || name.startsWith("SPRING_"));
        builder.environment().put("PHOTOSYNC_SANDBOX_PORT", "0");
        Process preflight = builder.start();
        assertThat(preflight.waitFor(120, TimeUnit.SECONDS)).as(log()).isTrue();

        assertThat(log()).contains("✔ recording: 9 probes written to " + recording);
        String text = Files.readString(recording);
        assertThat(text).contains("\"behaviour\" : \"GetPropertiesFor, app-only, on the admin host\"").contains("\"status\" : 200")
                .doesNotContainIgnoringCase("adele").doesNotContain("eyJ").doesNotContain("/9j/")
                .doesNotContainPattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    private static boolean awaitUp(String url, Duration patience, Process photosync) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline) && photosync.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private String log() {
        try {
            return Files.readString(workingDirectory.resolve("photosync.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
