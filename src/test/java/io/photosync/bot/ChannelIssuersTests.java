package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelIssuersTests {

    private static final String TENANT = "5f1c7a2e-0d4b-4e36-9a51-3c8e2b7d9f10";

    @Test
    void theBotFrameworkAloneByDefaultAndEntrasTwoFormsFindTheirOwnMetadata() {
        ChannelIssuers issuers = ChannelIssuers.parse(List.of("https://api.botframework.com", "https://sts.windows.net/" + TENANT + "/",
                " https://login.microsoftonline.com/" + TENANT + "/v2.0 ", "https://issuer.example|https://issuer.example/meta"), List.of(" SMBA.trafficmanager.net "), null);

        assertThat(issuers.acceptsBotFramework()).isTrue();
        assertThat(issuers.acceptsUsGovernment()).isFalse();
        assertThat(issuers.others()).isEqualTo(Map.of(
                "https://sts.windows.net/" + TENANT + "/", "https://login.microsoftonline.com/" + TENANT + "/.well-known/openid-configuration",
                "https://login.microsoftonline.com/" + TENANT + "/v2.0", "https://login.microsoftonline.com/" + TENANT + "/v2.0/.well-known/openid-configuration",
                "https://issuer.example", "https://issuer.example/meta"));
        assertThat(issuers.serviceUrlHosts()).containsExactly("smba.trafficmanager.net");
    }

    @Test
    void anIssuerWhoseKeysCannotBeFoundOrNoIssuerAtAllStopsTheStart() {
        assertThatThrownBy(() -> ChannelIssuers.parse(List.of("https://issuer.example"), List.of(), null))
                .hasMessageContaining("https://issuer.example|<OpenID metadata URL>");
        assertThatThrownBy(() -> ChannelIssuers.parse(List.of(" "), List.of(), null)).hasMessageContaining("names no issuer");
    }

    /** Each cloud's Bot Framework: the US government's checked by the SDK, 21Vianet's (unknown to the Java SDK) against the configured metadata. */
    @Test
    void theBotFrameworkOfEachCloudIsKnown() {
        ChannelIssuers government = ChannelIssuers.parse(List.of("https://api.botframework.us"), List.of(), "https://login.botframework.azure.us/v1/.well-known/openidconfiguration");
        assertThat(government.acceptsUsGovernment()).isTrue();
        assertThat(government.acceptsBotFramework()).isFalse();
        assertThat(government.others()).isEmpty();

        ChannelIssuers china = ChannelIssuers.parse(List.of("https://api.botframework.azure.cn"), List.of(), " ");
        assertThat(china.others()).isEqualTo(Map.of("https://api.botframework.azure.cn", "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration"));
        assertThat(ChannelIssuers.parse(List.of("https://api.botframework.azure.cn"), List.of(), "http://proxy.example/meta").others())
                .containsEntry("https://api.botframework.azure.cn", "http://proxy.example/meta");
    }
}
