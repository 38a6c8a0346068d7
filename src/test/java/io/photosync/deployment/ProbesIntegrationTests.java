package io.photosync.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probe paths the deployment recipes use exist and say UP. */
@PhotoSyncIntegrationTest
class ProbesIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {DeploymentFilesTests.READINESS, DeploymentFilesTests.LIVENESS, "/actuator/health"})
    void answersUp(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
