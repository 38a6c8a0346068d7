package io.photosync.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probe paths the deployment recipes use exist on the public port and say UP; the rest of
 * the actuator (health's components, metrics) is only on the management port.
 */
@PhotoSyncIntegrationTest
class ProbesIntegrationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @ParameterizedTest
    @ValueSource(strings = {DeploymentFilesTests.READINESS, DeploymentFilesTests.LIVENESS})
    void answersUpOnThePublicPort(String path) throws Exception {
        HttpResponse<String> response = get(port, path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/info", "/actuator/health/readiness"})
    void keepsTheActuatorOffThePublicPort(String path) throws Exception {
        assertThat(get(port, path).statusCode()).isEqualTo(404);
        assertThat(get(managementPort, path).statusCode()).as("on the management port").isEqualTo(200);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
