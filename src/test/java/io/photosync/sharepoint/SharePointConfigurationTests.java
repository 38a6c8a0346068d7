package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.photosync.identity.FakeTokenProvider;
import io.photosync.identity.TokenProvider;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SharePointConfigurationTests {

    @Test
    void refusesToStartWithAClientSecretAndSaysWhy() {
        TokenProvider secret = new FakeTokenProvider(TokenProvider.CredentialKind.SECRET);
        SharePointProperties properties = new SharePointProperties("https://contoso-my.sharepoint.com", "https://contoso-admin.sharepoint.com",
                "User Photos", "Profile Pictures", "Contoso", 3, Duration.ofSeconds(30), 1200, "", List.of());

        assertThatThrownBy(() -> new SharePointConfiguration().sharePointProfileStore(properties, SharePointGeos.of(properties), secret, new OkHttpClient(), "1.0", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unsupported app only token")
                .hasMessageContaining("certificate");
    }

    /** Auto mode's question: whether the admin host token's roles carry User.ReadWrite.All; a token that cannot be had does not stop writes. */
    @Test
    void writesProfilesOnlyWithTheWriteRoleInTheAdminHostsToken() {
        SharePointProperties properties = new SharePointProperties("https://contoso-my.sharepoint.com", "https://contoso-admin.sharepoint.com",
                "User Photos", "Profile Pictures", "Contoso", 3, Duration.ofSeconds(30), 1200, "", List.of());

        assertThat(SharePointConfiguration.writesProfiles(tokenWithRoles("Sites.FullControl.All", "User.ReadWrite.All"), properties)).isTrue();
        assertThat(SharePointConfiguration.writesProfiles(tokenWithRoles("User.Read.All"), properties)).isFalse();
        assertThat(SharePointConfiguration.writesProfiles(new TokenProvider() {
            @Override
            public String accessToken(String scope) {
                throw new IllegalStateException("Entra did not answer");
            }

            @Override
            public CredentialKind credentialKind() {
                return CredentialKind.CERTIFICATE;
            }
        }, properties)).isTrue();
    }

    private static TokenProvider tokenWithRoles(String... roles) {
        return new TokenProvider() {
            @Override
            public String accessToken(String scope) {
                assertThat(scope).isEqualTo("https://contoso-admin.sharepoint.com/.default");
                return new PlainJWT(new JWTClaimsSet.Builder().claim("roles", List.of(roles)).build()).serialize();
            }

            @Override
            public CredentialKind credentialKind() {
                return CredentialKind.CERTIFICATE;
            }
        };
    }
}
