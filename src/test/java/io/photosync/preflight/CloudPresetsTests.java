package io.photosync.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** PHOTOSYNC_CLOUD sets the cloud's endpoints together where they are not set on their own; set ones win. */
class CloudPresetsTests {

    @Test
    void gccHighSetsEveryEndpointOfThatCloudAndTheOneSetOnItsOwnWins() {
        StandardEnvironment environment = environment(Map.of("photosync.entra.tenant-id", "tenant", "photosync.cloud", "gcc-high",
                "photosync.bot.service-url-hosts", "smba.proxy.contoso.us", "photosync.graph.base-url", ""));

        new CloudPresets().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("photosync.entra.authority-host")).isEqualTo("https://login.microsoftonline.us");
        assertThat(environment.getProperty("photosync.graph.base-url")).as("set empty: the cloud's").isEqualTo("https://graph.microsoft.us/v1.0");
        assertThat(environment.getProperty("photosync.bot.open-id-metadata-url"))
                .isEqualTo("https://login.botframework.azure.us/v1/.well-known/openidconfiguration");
        assertThat(environment.getProperty("photosync.bot.channel-issuers")).isEqualTo("https://api.botframework.us");
        assertThat(environment.getProperty("photosync.bot.connector-scope")).isEqualTo("https://api.botframework.us");
        assertThat(environment.getProperty("photosync.bot.service-url-hosts")).as("set on its own").isEqualTo("smba.proxy.contoso.us");
    }

    @Test
    void eachCloudHasItsGraphAndAnUnknownCloudIsRefused() {
        assertThat(CloudPresets.presets("dod")).containsEntry("photosync.graph.base-url", "https://dod-graph.microsoft.us/v1.0")
                .containsEntry("photosync.bot.service-url-hosts", "smba.infra.dod.teams.microsoft.us");
        assertThat(CloudPresets.presets("gcc")).containsEntry("photosync.graph.base-url", "https://graph.microsoft.com/v1.0")
                .containsEntry("photosync.bot.service-url-hosts", "smba.infra.gcc.teams.microsoft.com")
                .doesNotContainKey("photosync.bot.open-id-metadata-url");
        assertThat(CloudPresets.presets("china")).containsEntry("photosync.entra.authority-host", "https://login.partner.microsoftonline.cn")
                .containsEntry("photosync.bot.open-id-metadata-url", "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration")
                .containsEntry("photosync.bot.connector-scope", "https://api.botframework.azure.cn")
                .containsEntry("photosync.bot.service-url-hosts", "frontend.botapi.msg.infra.teams.microsoftonline.cn");
        assertThatThrownBy(() -> CloudPresets.presets("mars")).hasMessageContaining("public, gcc, gcc-high, dod, china");
    }

    @Test
    void sandboxModePosesAsThePublicCloudWhateverIsSet() {
        StandardEnvironment environment = environment(Map.of("photosync.cloud", "gcc-high"));

        new CloudPresets().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("photosync.graph.base-url")).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(environment.getProperty("photosync.bot.open-id-metadata-url")).as("left for the sandbox's own").isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
