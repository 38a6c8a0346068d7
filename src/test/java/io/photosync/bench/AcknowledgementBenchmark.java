package io.photosync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.photosync.PhotoSyncApplication;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast {@code /api/messages} acknowledges "sync my photo" while 100 simulated users send at
 * once: from the POST to its 202, which includes validating the channel token, accepting the job
 * and sending the "Syncing…" card. The syncs themselves run meanwhile, on the same two cores.
 */
final class AcknowledgementBenchmark {

    private static final String BOT_APP_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Each user's pause between messages, on average (uniform from 0 to twice this); 0 = back to back. */
    private static final long THINK_MILLIS = Long.getLong("bench.thinkMillis", 1_000);

    private AcknowledgementBenchmark() {
    }

    static String run(int users, int messagesPerUser) throws Exception {
        SpringApplication application = new SpringApplication(PhotoSyncApplication.class);
        try (ConfigurableApplicationContext context = application.run("--server.port=0", "--management.server.port=0", "--photosync.bot.app-id=" + BOT_APP_ID,
                "--spring.datasource.url=" + Benchmarks.inMemoryDatabase("ack"),
                "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0", "--logging.level.io.photosync=WARN",
                "--photosync.sandbox.latency=" + System.getProperty("bench.latency", "50ms"))) {
            if (Boolean.getBoolean("bench.noSyncs")) {
                context.getBean(Scheduler.class).pause();
            }
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            String endpoint = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/api/messages";
            return load(endpoint, tenant, BOT_APP_ID, people(tenant, users), messagesPerUser, THINK_MILLIS);
        }
    }

    /** {@code count} people with a Microsoft 365 photo and a SharePoint profile; their object ids. */
    static List<String> people(SimulatedTenant tenant, int count) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            tenant.addUser(id, "ack" + i + "@" + Personas.DOMAIN, "User " + i, false)
                    .setPhoto(Personas.byId(Personas.ADELE).photo(), "image/jpeg", 648, 648);
            tenant.sharePoint().createProfile("ack" + i + "@" + Personas.DOMAIN);
            people.add(id);
        }
        return people;
    }

    /**
     * The load itself, against any PhotoSync whose channel is {@code tenant}'s connector: every
     * person sends once (warm-up), then {@code messagesPerUser} each, {@code thinkMillis} apart on
     * average; the figures of the acknowledgements.
     */
    static String load(String endpoint, SimulatedTenant tenant, String botAppId, List<String> people, int messagesPerUser, long thinkMillis)
            throws Exception {
        int users = people.size();
        ExecutorService clientThreads = Executors.newFixedThreadPool(users);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        String token = "Bearer " + tenant.botConnector().channelToken(botAppId, Forgery.NONE);
        // Warm-up, one message per user at least: in Teams the SSO exchange is its own invoke
        // (signin/tokenExchange); sandbox mode runs it inside a person's first message instead.
        for (int i = 0; i < Math.max(50, users); i++) {
            post(http, endpoint, token, tenant, botAppId, people.get(i % users));
        }
        ExecutorService senders = Executors.newFixedThreadPool(users);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String person : people) {
            results.add(senders.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < messagesPerUser; i++) {
                    if (thinkMillis > 0) {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(2 * thinkMillis + 1));
                    }
                    mine.add(post(http, endpoint, token, tenant, botAppId, person));
                }
                return mine;
            }));
        }
        List<Long> micros = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            micros.addAll(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        clientThreads.shutdown();
        Collections.sort(micros);
        return String.format(Locale.ROOT, "acknowledgement: %d users, %d sync requests each, " + thinkMillis + " ms apart on average (%d requests, %.0f/s); POST -> 202: "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 150 ms)",
                users, messagesPerUser, micros.size(), micros.size() / seconds,
                at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
    }

    private static long post(HttpClient http, String endpoint, String token, SimulatedTenant tenant, String botAppId, String person) throws Exception {
        ObjectNode activity = MAPPER.createObjectNode().put("type", "message").put("id", UUID.randomUUID().toString())
                .put("serviceUrl", tenant.botConnector().serviceUrl()).put("channelId", "msteams").put("locale", "en-US").put("text", "sync my photo");
        activity.putObject("from").put("id", "29:" + person).put("aadObjectId", person);
        activity.putObject("recipient").put("id", "28:" + botAppId);
        activity.putObject("conversation").put("id", "a:ack-" + person).put("conversationType", "personal").put("tenantId", tenant.tenantId());
        activity.putObject("channelData").putObject("tenant").put("id", tenant.tenantId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
                .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        long micros = (System.nanoTime() - start) / 1_000;
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the bot answered " + response.statusCode());
        }
        return micros;
    }

    private static double at(List<Long> sortedMicros, double quantile) {
        return sortedMicros.get((int) Math.ceil(sortedMicros.size() * quantile) - 1) / 1000.0;
    }
}
