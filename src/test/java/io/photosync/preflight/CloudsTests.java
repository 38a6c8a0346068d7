package io.photosync.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.graph.GraphProperties;
import io.photosync.identity.EntraProperties;
import io.photosync.sharepoint.SharePointProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A configuration whose Microsoft endpoints are in different clouds is refused at start, naming the mismatch. */
class CloudsTests {

    @Test
    void endpointsOfOneCloudAreAcceptedAndHostsOfNoCloudHaveNoSay() {
        assertThatCode(() -> Clouds.requireOneCloud(List.of(new Clouds.Setting("Entra ID", "https://login.microsoftonline.us"),
                new Clouds.Setting("Microsoft Graph", "https://graph.microsoft.us/v1.0"),
                new Clouds.Setting("the My Site host", "https://contoso-my.sharepoint.us"),
                new Clouds.Setting("a proxy", "https://graph-proxy.contoso.example")))).doesNotThrowAnyException();
        assertThatCode(() -> Clouds.requireOneCloud(List.of(new Clouds.Setting("Entra ID", "https://login.microsoftonline.us"),
                new Clouds.Setting("Microsoft Graph", "https://dod-graph.microsoft.us/v1.0"),
                new Clouds.Setting("the admin host", "https://contoso-admin.sharepoint-mil.us")))).doesNotThrowAnyException();
        assertThat(Clouds.of("https://localhost:9443/graph/v1.0")).hasSize(Clouds.Cloud.values().length);
    }

    @Test
    void gccHighGraphWithPublicEntraIsNamed() {
        assertThatThrownBy(() -> Clouds.requireOneCloud(List.of(new Clouds.Setting("Entra ID", "https://login.microsoftonline.com"),
                new Clouds.Setting("Microsoft Graph", "https://graph.microsoft.us/v1.0"))))
                .hasMessage("The Microsoft endpoints are in different clouds: Entra ID https://login.microsoftonline.com (public or GCC), "
                        + "Microsoft Graph https://graph.microsoft.us/v1.0 (GCC High). Set every endpoint for the same cloud (docs/clouds.md).");
        assertThatThrownBy(() -> Clouds.requireOneCloud(List.of(new Clouds.Setting("Microsoft Graph", "https://graph.microsoft.us/v1.0"),
                new Clouds.Setting("the My Site host", "https://contoso-my.sharepoint-mil.us")))).hasMessageContaining("(GCC High)")
                .hasMessageContaining("(DoD)");
    }

    /** The start-up check: the bean that names the endpoints refuses a mixed configuration, so the service does not start. */
    @Test
    void theEndpointsBeanRefusesAMixedConfiguration() {
        EntraProperties entra = new EntraProperties("t", "c", "https://login.microsoftonline.com", true, null, null, null);
        GraphProperties graph = new GraphProperties("https://graph.microsoft.us/v1.0", "648x648");
        SharePointProperties sharePoint = new SharePointProperties("https://contoso-my.sharepoint.us", "https://contoso-admin.sharepoint.us",
                "User Photos", "Profile Pictures", "Contoso", 3, Duration.ofSeconds(30), 1200, "", List.of());

        assertThatThrownBy(() -> new PreflightConfiguration().microsoftEndpoints(entra, graph, sharePoint, new MockEnvironment()))
                .hasMessageContaining("different clouds").hasMessageContaining("Entra ID https://login.microsoftonline.com (public or GCC)")
                .hasMessageContaining("the My Site host https://contoso-my.sharepoint.us (GCC High)");
    }
}
