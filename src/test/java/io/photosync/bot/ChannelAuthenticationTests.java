package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelAuthenticationTests {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:56150", "http://127.0.0.1:4242/", "https://[::1]:8443/path", "http://127.0.0.2/"})
    void takesServiceUrlsOnThisMachineInSandboxMode(String serviceUrl) {
        assertThat(ChannelAuthentication.loopback(serviceUrl)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://smba.trafficmanager.net/emea/", "http://169.254.169.254/", "http://10.0.0.1/", "file:///etc/passwd",
            "http://localhost.evil.example/", "http://user:pass@127.0.0.1/", "ftp://127.0.0.1/", "//127.0.0.1/", "not a url", "http://[::1",
            "http://0x7f000001/"})
    void refusesEveryOtherServiceUrl(String serviceUrl) {
        assertThat(ChannelAuthentication.loopback(serviceUrl)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b", "a.b.c.d", "..", "x.y.", "e30.e30.c2ln", "WzEsMl0.e30.c2ln"})
    void refusesTokensWithoutAnRs256HeaderAndKeyIdBeforeTheSdkSeesThem(String token) {
        assertThat(ChannelAuthentication.signedWithAKey(token)).isFalse();
        assertThat(ChannelAuthentication.signedWithAKey(header("{\"alg\":\"none\",\"kid\":\"k\"}") + ".e30.c2ln")).isFalse();
        assertThat(ChannelAuthentication.signedWithAKey(header("{\"alg\":\"HS256\",\"kid\":\"k\"}") + ".e30.c2ln")).isFalse();
        assertThat(ChannelAuthentication.signedWithAKey(header("{\"alg\":\"RS256\"}") + ".e30.c2ln")).isFalse();
        assertThat(ChannelAuthentication.signedWithAKey(header("{\"alg\":\"RS256\",\"kid\":\"k\"}") + ".e30.c2ln")).as("the shape is right").isTrue();
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
