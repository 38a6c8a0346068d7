package io.photosync.bot;

import io.photosync.teams.Continue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** Sends generated hostile requests to the bot from a few threads and keeps what should never happen. */
final class HostileFire {

    /** What an answer must not reveal: our classes, the SDK's, the JDK's, a stack frame. */
    static final Pattern INTERNALS = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+|io\\.photosync|com\\.microsoft|java\\.|org\\.spring|jakarta\\.");

    record Result(int sent, Map<Integer, Integer> statuses, List<String> failures) {
    }

    private HostileFire() {
    }

    static Result fire(String endpoint, HostileTraffic traffic, int count, int threads) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        List<HostileTraffic.Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(traffic.next());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (HostileTraffic.Request request : requests) {
            pool.execute(() -> {
                if (request.body().length > 256 * 1024) {
                    try {
                        record(request, Continue.post(URI.create(endpoint), request), statuses, failures, sent);
                    } catch (IOException e) {
                        failures.add("no answer to " + request.description() + ": " + e);
                    }
                    return;
                }
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
                if (request.contentType() != null) {
                    post.header("Content-Type", request.contentType());
                }
                if (request.authorization() != null) {
                    post.header("Authorization", request.authorization());
                }
                try {
                    HttpResponse<String> response;
                    try {
                        response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException stale) {
                        // A kept-alive connection the server had just closed (Tomcat ends one after
                        // 100 requests) fails on the client's side before the request is sent; once
                        // more on a new connection. Failing twice is the server's doing.
                        response = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
                    }
                    record(request, new Continue.Answer(response.statusCode(), response.body()), statuses, failures, sent);
                } catch (IOException e) {
                    failures.add("no answer to " + request.description() + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            failures.add("the requests did not end within five minutes");
        }
        return new Result(sent.get(), new TreeMap<>(statuses), List.copyOf(failures));
    }

    private static void record(HostileTraffic.Request request, Continue.Answer answer, Map<Integer, Integer> statuses, List<String> failures,
                               AtomicInteger sent) {
        sent.incrementAndGet();
        statuses.merge(answer.status(), 1, Integer::sum);
        boolean invoke = request.description().endsWith("invoke");
        if (answer.status() >= 500 && !(invoke && answer.status() == 501) || answer.status() < 100) {
            failures.add(answer.status() + " to " + request.description() + ": " + cut(answer.body()));
        } else if (INTERNALS.matcher(answer.body()).find()) {
            failures.add("internals in the answer to " + request.description() + ": " + cut(answer.body()));
        }
    }

    private static String cut(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
