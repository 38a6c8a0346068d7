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
                " https://login.microsoftonline.com/" + TENANT + "/v2.0 ", "https://issuer.example|https://issuer.example/meta"), List.of(" SMBA.trafficmanager.net "));

        assertThat(issuers.acceptsBotFramework()).isTrue();
        assertThat(issuers.others()).isEqualTo(Map.of(
                "https://sts.windows.net/" + TENANT + "/", "https://login.microsoftonline.com/" + TENANT + "/.well-known/openid-configuration",
                "https://login.microsoftonline.com/" + TENANT + "/v2.0", "https://login.microsoftonline.com/" + TENANT + "/v2.0/.well-known/openid-configuration",
                "https://issuer.example", "https://issuer.example/meta"));
        assertThat(issuers.serviceUrlHosts()).containsExactly("smba.trafficmanager.net");
    }

    @Test
    void anIssuerWhoseKeysCannotBeFoundOrNoIssuerAtAllStopsTheStart() {
        assertThatThrownBy(() -> ChannelIssuers.parse(List.of("https://issuer.example"), List.of()))
                .hasMessageContaining("https://issuer.example|<OpenID metadata URL>");
        assertThatThrownBy(() -> ChannelIssuers.parse(List.of(" "), List.of())).hasMessageContaining("names no issuer");
    }
}
