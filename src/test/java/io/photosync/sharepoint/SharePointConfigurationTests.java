package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.identity.FakeTokenProvider;
import io.photosync.identity.TokenProvider;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SharePointConfigurationTests {

    @Test
    void refusesToStartWithAClientSecretAndSaysWhy() {
        TokenProvider secret = new FakeTokenProvider(TokenProvider.CredentialKind.SECRET);
        SharePointProperties properties = new SharePointProperties("https://contoso-my.sharepoint.com", "https://contoso-admin.sharepoint.com",
                "User Photos", "Profile Pictures", "Contoso", 3, Duration.ofSeconds(30), 1200, "");

        assertThatThrownBy(() -> new SharePointConfiguration().sharePointProfileStore(properties, secret, new OkHttpClient(), "1.0", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unsupported app only token")
                .hasMessageContaining("certificate");
    }
}
