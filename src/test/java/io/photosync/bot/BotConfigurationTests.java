package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.identity.EntraProperties;
import io.photosync.identity.FakeTokenProvider;
import io.photosync.identity.TokenProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BotConfigurationTests {

    private final EntraProperties entra = new EntraProperties("tenant", "app", "https://login.microsoftonline.com", true, "/cert.pem", null, null);
    private final TokenProvider tokens = new FakeTokenProvider(TokenProvider.CredentialKind.CERTIFICATE);

    @Test
    void refusesToRunWithoutAnAppIdOutsideSandboxMode() {
        BotProperties anonymous = new BotProperties("", null, "http://localhost:3978", DataSize.ofKilobytes(256), List.of(ChannelIssuers.BOT_FRAMEWORK), List.of("smba.trafficmanager.net"), "https://api.botframework.com");

        assertThatThrownBy(() -> new BotConfiguration().botFrameworkAdapter(anonymous, entra, tokens, null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("photosync.bot.app-id is not set");
    }

    @Test
    void refusesABotAppIdThatIsNotTheEntraApp() {
        BotProperties other = new BotProperties("another-app", null, "http://localhost:3978", DataSize.ofKilobytes(256), List.of(ChannelIssuers.BOT_FRAMEWORK), List.of("smba.trafficmanager.net"), "https://api.botframework.com");

        assertThatThrownBy(() -> new BotConfiguration().botFrameworkAdapter(other, entra, tokens, null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be the same app");
    }
}
