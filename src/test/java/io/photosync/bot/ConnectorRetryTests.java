package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.restclient.RestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class ConnectorRetryTests {

    private final List<Duration> waits = new ArrayList<>();
    private final ConnectorRetry retry = new ConnectorRetry(4, Duration.ofSeconds(1), Duration.ofSeconds(30), waits::add);

    @Test
    void waitsAsLongAsTeamsAsksThenDelivers() {
        AtomicInteger calls = new AtomicInteger();

        String result = retry.run("a card", () -> {
            if (calls.incrementAndGet() < 3) {
                throw refusal(429, "7");
            }
            return "sent";
        });

        assertThat(result).isEqualTo("sent");
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void backsOffWithJitterWithoutRetryAfterAndCapsLongWaits() {
        AtomicInteger calls = new AtomicInteger();

        retry.run("a card", () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw refusal(502, null);
            }
            if (call == 2) {
                throw refusal(429, "3600");
            }
            return null;
        });

        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1_500));
        assertThat(waits.get(1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterItsAttemptsAndNeverRetriesARealError() {
        assertThatThrownBy(() -> retry.run("a card", () -> {
            throw refusal(412, null);
        })).isInstanceOf(RestException.class);
        assertThat(waits).hasSize(3);

        waits.clear();
        assertThatThrownBy(() -> retry.run("a card", () -> {
            throw refusal(403, null);
        })).isInstanceOf(RestException.class);
        assertThat(waits).isEmpty();
    }

    private static RestException refusal(int status, String retryAfter) {
        Response.Builder raw = new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/v3/conversations/a/activities/b").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("refused");
        if (retryAfter != null) {
            raw.header("Retry-After", retryAfter);
        }
        ResponseBody body = ResponseBody.create("{}", MediaType.get("application/json"));
        return new RestException("refused", retrofit2.Response.error(body, raw.build()));
    }
}
