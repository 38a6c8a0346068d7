package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.http.RequestBudget;
import io.photosync.sync.RemoteServiceException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class BudgetInterceptorTests {

    private final List<Duration> slept = new ArrayList<>();
    private final List<Integer> asked = new ArrayList<>();

    @Test
    void spendsOneUnitForAReadAndTwoForAWriteAndWaitsForTheBudget() throws Exception {
        Deque<Duration> answers = new ArrayDeque<>(List.of(Duration.ofSeconds(2), Duration.ZERO, Duration.ZERO));
        OkHttpClient http = client(units -> {
            asked.add(units);
            return answers.removeFirst();
        });

        try (Response read = http.newCall(new Request.Builder().url("http://localhost:1/read").build()).execute();
             Response write = http.newCall(new Request.Builder().url("http://localhost:1/write").post(RequestBody.create(new byte[0])).build()).execute()) {
            assertThat(read.code()).isEqualTo(200);
            assertThat(write.code()).isEqualTo(200);
        }
        assertThat(asked).containsExactly(1, 1, 2);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void endsTheCallThrottledRatherThanWaitingLongerThanItMay() {
        OkHttpClient http = client(units -> Duration.ofSeconds(45));

        assertThatThrownBy(() -> http.newCall(new Request.Builder().url("http://localhost:1/read").build()).execute())
                .isInstanceOfSatisfying(SharePointException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RemoteServiceException.Kind.THROTTLED);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(45));
                });
        assertThat(slept).isEmpty();
    }

    private OkHttpClient client(RequestBudget budget) {
        return new OkHttpClient.Builder()
                .addInterceptor(new BudgetInterceptor(new SharePointPacing(() -> budget, 1_200, System::nanoTime), Duration.ofSeconds(30), slept::add))
                .addInterceptor(chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                        .body(ResponseBody.create(new byte[0], null)).build())
                .build();
    }
}
