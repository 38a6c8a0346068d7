package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.TokenProvider;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.RefusedCall;
import io.photosync.sync.RemoteServiceException;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The SharePoint client and the sync against SharePoint's documented failure modes, on the simulated tenant. */
@PhotoSyncIntegrationTest
class SharePointIntegrationTests {

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    PhotoSyncService service;

    @Autowired
    OkHttpClient http;

    @Autowired
    SharePointProperties properties;

    @Value("${photosync.version}")
    String version;

    @Value("${photosync.entra.client-id}")
    String clientId;

    @AfterEach
    void restore() {
        tenant.throttle(Api.SHAREPOINT, 0, Duration.ZERO);
    }

    @Test
    void identifiesItselfOnEverySharePointCallAndHandlesAnApostropheInTheUpn() {
        tenant.clearReceivedRequests();

        SyncOutcome outcome = service.sync(new SyncRequest(Personas.PATTI));

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        List<ReceivedRequest> sharePointCalls = tenant.receivedRequests().stream()
                .filter(r -> r.path().startsWith("/sp-")).toList();
        assertThat(sharePointCalls).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(r -> assertThat(r.userAgent()).isEqualTo("NONISV|PhotoSync|PhotoSync/" + version));
        assertThat(tenant.sharePoint().profileProperty("patti.o'fernandez@" + Personas.DOMAIN, "SPS-PicturePlaceholderState")).hasValue("0");
    }

    @Test
    void retriesAfterSharePointThrottling() {
        tenant.throttle(Api.SHAREPOINT, 2, Duration.ZERO);

        SyncOutcome outcome = service.sync(new SyncRequest(Personas.ALEX));

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(tenant.pendingThrottles(Api.SHAREPOINT)).isZero();
    }

    @Test
    void retriesWhenSharePointIsTooBusy() {
        tenant.overload(Api.SHAREPOINT, 2, Duration.ZERO);

        SyncOutcome outcome = service.sync(new SyncRequest(Personas.MEGAN));

        assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(tenant.pendingThrottles(Api.SHAREPOINT)).isZero();
    }

    @Test
    void saysThrottledWhenSharePointKeepsRefusing() {
        tenant.throttle(Api.SHAREPOINT, 1_000, Duration.ZERO);

        SyncOutcome outcome = service.sync(new SyncRequest(Personas.NESTOR));

        assertThat(outcome).isInstanceOf(SyncOutcome.Throttled.class);
        assertThat(outcome.retryable()).isTrue();
        assertThat(tenant.pendingThrottles(Api.SHAREPOINT)).isEqualTo(1_000 - 1 - properties.maxRetries());
    }

    @Test
    void sharePointRefusesAppOnlyTokensFromASecret() throws IOException {
        String secretApp = "0b5e6c1a-2f3d-4e8b-9a7c-d1e2f3a4b5c6";
        tenant.registerApp(secretApp, null, "not-a-real-secret");
        TokenProvider secretTokens = new TokenProvider() {
            @Override
            public String accessToken(String scope) {
                return tokenWithSecret(secretApp, "not-a-real-secret", scope);
            }

            @Override
            public CredentialKind credentialKind() {
                return CredentialKind.SECRET;
            }
        };
        OkHttpClient withSecret = http.newBuilder()
                .addInterceptor(new SharePointHeadersInterceptor(host -> secretTokens.accessToken(host + "/.default"), List.of(properties.mySiteHost(), properties.adminHost()), "test"))
                .build();
        SharePointClient client = new SharePointClient(withSecret, true);

        assertThatThrownBy(() -> client.getPropertiesFor(properties.mySiteHost(), "i:0#.f|membership|adelev@" + Personas.DOMAIN))
                .isInstanceOfSatisfying(RefusedCall.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.UNAUTHENTICATED);
                    assertThat(e.needs()).isEqualTo(RefusedCall.CERTIFICATE);
                    assertThat(e.getMessage()).contains("GetPropertiesFor").contains("Unsupported app only token");
                });
    }

    private String tokenWithSecret(String appId, String secret, String scope) {
        Request request = new Request.Builder()
                .url(tenant.baseUrl() + "/" + tenant.tenantId() + "/oauth2/v2.0/token")
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", appId)
                        .add("client_secret", secret).add("scope", scope).build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(200);
            return new ObjectMapper().readTree(body).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
