package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.SimulatedTenant;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entra ID's answers as Microsoft gave them ({@code entra-*}): the simulated Entra's metadata, keys,
 * tokens and token errors have the same status and shape, error descriptions included.
 */
@PhotoSyncIntegrationTest
class EntraFidelityTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    OkHttpClient http;

    @Test
    void theOpenIdMetadataAndSigningKeysHaveEntrasShape() throws IOException {
        Corpus.Answer metadata = Corpus.read("entra-openid-configuration-200.json");
        Corpus.Answer keys = Corpus.read("entra-jwks-200.json");

        Answered simulatedMetadata = get("/v2.0/.well-known/openid-configuration");
        Answered simulatedKeys = get("/discovery/v2.0/keys");

        assertThat(simulatedMetadata.status()).isEqualTo(metadata.status());
        // Microsoft's tenant_region_scope is null for the common endpoint; a tenant's names its region.
        assertThat(Shapes.differences(metadata.json(0), simulatedMetadata.json())).containsExactly("/tenant_region_scope: string, Microsoft null");
        assertThat(simulatedMetadata.json().path("issuer").asText()).endsWith("/" + tenant.tenantId() + "/v2.0");
        assertThat(simulatedKeys.status()).isEqualTo(keys.status());
        assertThat(Shapes.differences(keys.json(0), simulatedKeys.json())).isEmpty();
    }

    @Test
    void anAppTokenHasEntrasShape() throws IOException {
        Corpus.Answer real = Corpus.read("entra-token-client-credentials-200.json");
        String app = newApp();

        Answered simulated = token(Map.of("grant_type", "client_credentials", "client_id", app, "client_secret", "s3cret",
                "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default"));

        assertThat(simulated.status()).isEqualTo(real.status());
        assertThat(Shapes.differences(real.json(0), simulated.json())).isEmpty();
    }

    @Test
    void tokenErrorsCarryEntrasFieldsAndTheirTraceLines() throws IOException {
        String app = newApp();
        Map<String, Answered> simulated = Map.of(
                "entra-token-invalid-client-secret-401.json", token(Map.of("grant_type", "client_credentials", "client_id", app,
                        "client_secret", "wrong", "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default")),
                "entra-token-unknown-app-400.json", token(Map.of("grant_type", "client_credentials", "client_id", UUID.randomUUID().toString(),
                        "client_secret", "s3cret", "scope", tenant.graphBaseUrl().replace("/v1.0", "") + "/.default")),
                "entra-token-invalid-resource-400.json", token(Map.of("grant_type", "client_credentials", "client_id", app,
                        "client_secret", "s3cret", "scope", "https://nowhere.example/.default")),
                "entra-token-invalid-tenant-400.json", call("/no-such-tenant/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                        "client_id", app, "client_secret", "s3cret", "scope", "https://graph.microsoft.com/.default")));

        simulated.forEach((name, answer) -> {
            Corpus.Answer real = Corpus.read(name);
            assertThat(answer.status()).as(name).isEqualTo(real.status());
            JsonNode body = answer.json();
            assertThat(Shapes.differences(real.json(0), body)).as(name).isEmpty();
            assertThat(body.path("error").asText()).as(name).isEqualTo(real.json(0).path("error").asText());
            assertThat(body.path("error_codes").get(0).asInt()).as(name).isEqualTo(real.json(0).path("error_codes").get(0).asInt());
            assertThat(body.path("error_description").asText()).as(name).contains("\r\nTrace ID: ").contains("\r\nCorrelation ID: ");
        });
    }

    // --- plumbing ---

    private String newApp() {
        String app = UUID.randomUUID().toString();
        tenant.registerApp(app, null, "s3cret");
        return app;
    }

    private Answered token(Map<String, String> form) throws IOException {
        return call("/" + tenant.tenantId() + "/oauth2/v2.0/token", form);
    }

    private Answered get(String below) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(tenant.baseUrl() + "/" + tenant.tenantId() + below).get().build()).execute()) {
            return new Answered(response.code(), response.body().bytes());
        }
    }

    private Answered call(String path, Map<String, String> form) throws IOException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        try (Response response = http.newCall(new Request.Builder().url(tenant.baseUrl() + path).post(body.build()).build()).execute()) {
            return new Answered(response.code(), response.body().bytes());
        }
    }

    private record Answered(int status, byte[] body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
