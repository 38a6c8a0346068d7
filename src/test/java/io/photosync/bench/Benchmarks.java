package io.photosync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import io.photosync.PhotoSyncApplication;
import io.photosync.bot.HostileTrafficBenchmark;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimulatedBotConnector;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.ImageQualityBenchmark;
import io.photosync.sync.RenderBenchmark;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmarks of docs/benchmarks.md: (a) message accepted -> SharePoint updated, end to end over
 * HTTP against the simulated tenant with 50 ms per Microsoft call, compared with the sum of the
 * sequential simulated round trips; (b) image pipeline throughput. Writes target/bench/results.txt.
 *
 * <p>Run: {@code ./mvnw -B -Pbench test-compile exec:java} (optionally {@code -Dbench.syncs=200}, and
 * {@code -Dbench.warmup=150}, the syncs first run unmeasured).
 */
public final class Benchmarks {

    private static final String BOT_APP_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final List<String> PEOPLE = List.of(Personas.ADELE, Personas.MEGAN, Personas.ALEX, Personas.ISAIAH, Personas.PATTI, Personas.NESTOR);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int syncs = Integer.getInteger("bench.syncs", 200);
        List<String> only = List.of(System.getProperty("bench.only", "sync,image,ack,nudge,scan,bulk").split(","));
        List<String> lines = new ArrayList<>();
        lines.add("PhotoSync benchmarks, " + Instant.now() + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (only.contains("sync")) {
            lines.add(endToEnd(syncs));
        }
        if (only.contains("image")) {
            lines.add(RenderBenchmark.run(10));
        }
        if (only.contains("quality")) {
            lines.add(ImageQualityBenchmark.run(10));
        }
        if (only.contains("ack")) {
            lines.add(AcknowledgementBenchmark.run(100, Integer.getInteger("bench.messages", 20)));
        }
        if (only.contains("nudge")) {
            lines.add(NudgeBenchmark.run(Integer.getInteger("bench.recipients", 5_000), 30));
        }
        if (only.contains("scan")) {
            lines.add(ScanBenchmark.run(Integer.getInteger("bench.scanPeople", 10_000), 0.01));
        }
        if (only.contains("scale")) {
            lines.add(ScaleBenchmark.run(Arrays.stream(System.getProperty("bench.scaleSizes", "10000,30000,100000").split(","))
                    .map(String::trim).map(Integer::valueOf).toList(), 0.01));
        }
        if (only.contains("hostile")) {
            lines.add(HostileTrafficBenchmark.run(Integer.getInteger("bench.hostile", 10_000)));
        }
        if (only.contains("pacing")) {
            lines.add(BulkSyncBenchmark.runAdaptive(Integer.getInteger("bench.pacingPeople", 300), Integer.getInteger("bench.budget", 1_200),
                    3, 5, Duration.ofSeconds(120), Boolean.parseBoolean(System.getProperty("bench.rateLimitHeaders", "true"))));
        }
        if (only.contains("footprint")) {
            lines.add(FootprintBenchmark.run(100, Integer.getInteger("bench.messages", 20), Integer.getInteger("bench.footprintRequests", 10_000)));
        }
        if (only.contains("bulk")) {
            lines.add(BulkSyncBenchmark.run(Integer.getInteger("bench.bulkPeople", 2_000), Integer.getInteger("bench.budget", 1_200)));
        }
        String selection = System.getProperty("bench.only");
        Path out = Path.of("target", "bench", selection == null ? "results.txt" : "results-" + selection.replace(',', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
        System.out.println("written to " + out.toAbsolutePath());
    }

    private static String endToEnd(int syncs) throws Exception {
        SpringApplication application = new SpringApplication(PhotoSyncApplication.class);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--photosync.bot.app-id=" + BOT_APP_ID,
                "--spring.datasource.url=" + inMemoryDatabase("sync"),
                "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0", "--photosync.sandbox.latency=" + LATENCY.toMillis() + "ms",
                "--logging.level.io.photosync=" + System.getProperty("bench.log", "WARN"),
                "--photosync.sync.self-mode=" + System.getProperty("bench.selfMode", "delegated-then-app-only"),
                // Latency, not the budget: 200 app-only syncs spend about 3,000 resource units in under three minutes.
                "--photosync.sharepoint.budget-per-minute=1000000"));
        arguments.addAll(List.of(System.getProperty("bench.args", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            String endpoint = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/api/messages";
            // Teams posts HTTP/1.1; the JDK client would otherwise offer an h2c upgrade on every request.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // A long-running server's figures: the JIT has compiled the sync's code before the measured ones (12 left it half-compiled).
            int warmup = Integer.getInteger("bench.warmup", 150);
            for (int i = 0; i < warmup; i++) {
                syncOnce(http, endpoint, tenant, PEOPLE.get(i % PEOPLE.size()));
            }
            long[] millis = new long[syncs];
            long[] sequential = new long[syncs];
            double[] ratios = new double[syncs];
            long[] depths = new long[syncs];
            long slowest = 0;
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            for (int i = 0; i < syncs; i++) {
                tenant.clearReceivedRequests();
                int connectorCallsBefore = tenant.botConnector().sent().size();
                int connectorRequestsBefore = tenant.botConnector().receivedRequests().size();
                long started = System.nanoTime();
                millis[i] = syncOnce(http, endpoint, tenant, PEOPLE.get(i % PEOPLE.size()));
                int calls = tenant.receivedRequests().size() + (tenant.botConnector().sent().size() - connectorCallsBefore);
                List<Long> arrivals = new ArrayList<>();
                tenant.receivedRequests().forEach(request -> arrivals.add(request.receivedNanos()));
                List<ReceivedRequest> connector = tenant.botConnector().receivedRequests();
                connector.subList(Math.min(connectorRequestsBefore, connector.size()), connector.size()).stream()
                        .filter(request -> request.path().contains("/activities")).forEach(request -> arrivals.add(request.receivedNanos()));
                depths[i] = chainDepth(arrivals, LATENCY);
                sequential[i] = calls * LATENCY.toMillis();
                ratios[i] = (double) millis[i] / sequential[i];
                if (Boolean.getBoolean("bench.trace") && (i == 0 || i % 20 == 0 || millis[i] > slowest)) {
                    System.out.println("sync " + i + ", " + millis[i] + " ms:");
                    List<ReceivedRequest> all = new ArrayList<>(tenant.receivedRequests());
                    all.addAll(connector.subList(Math.min(connectorRequestsBefore, connector.size()), connector.size()));
                    all.sort(Comparator.comparingLong(ReceivedRequest::receivedNanos));
                    all.forEach(r -> System.out.printf("  +%4d ms %s %s%n", (r.receivedNanos() - started) / 1_000_000, r.method(), r.path()));
                }
                slowest = Math.max(slowest, millis[i]);
            }
            double cpuPerSync = (os.getProcessCpuTime() - cpuBefore) / 1e6 / syncs;
            Arrays.sort(millis);
            Arrays.sort(sequential);
            Arrays.sort(ratios);
            Arrays.sort(depths);
            long depth = depths[syncs / 2];
            long p50 = millis[syncs / 2];
            long p95 = millis[(int) Math.ceil(syncs * 0.95) - 1];
            long sum = sequential[syncs / 2];
            return String.format(Locale.ROOT, "end to end (%s): %d syncs after %d, %d ms per simulated Microsoft call; message posted -> result card updated: "
                            + "p50 %d ms, p95 %d ms, max %d ms; sum of sequential round trips (median) %d ms (%d calls); p95/sum = %.2f (target <= 1.30); "
                            + "each sync against its own sum: p50 %.2f, p95 %.2f; dependency-chain depth (median; min %d, max %d) %d round trips = %d ms; "
                            + "p95/(depth x latency) = %.2f (target <= 1.10); CPU per sync (PhotoSync, simulator and benchmark) %.1f ms",
                    System.getProperty("bench.selfMode", "delegated-then-app-only"), syncs, warmup, LATENCY.toMillis(), p50, p95, millis[syncs - 1], sum,
                    sum / LATENCY.toMillis(), (double) p95 / sum, ratios[syncs / 2], ratios[(int) Math.ceil(syncs * 0.95) - 1],
                    depths[0], depths[syncs - 1], depth, depth * LATENCY.toMillis(), (double) p95 / (depth * LATENCY.toMillis()), cpuPerSync);
        }
    }

    /**
     * How many round trips followed one another: a call that arrives at least 80 % of a round trip
     * after the first of its wave could have waited for that wave's answers, so it starts the next
     * one; calls sent together arrive within a few milliseconds of each other.
     */
    static long chainDepth(List<Long> arrivals, Duration latency) {
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        long waves = 0;
        long waveStart = Long.MIN_VALUE;
        for (long arrival : sorted) {
            if (waves == 0 || arrival - waveStart >= latency.toNanos() * 8 / 10) {
                waves++;
                waveStart = arrival;
            }
        }
        return waves;
    }

    static String inMemoryDatabase(String name) {
        return "jdbc:h2:mem:bench-" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** Posts "sync my photo" and waits for the result card; returns the elapsed milliseconds. */
    private static long syncOnce(HttpClient http, String endpoint, SimulatedTenant tenant, String person) throws Exception {
        SimulatedBotConnector connector = tenant.botConnector();
        String conversation = "a:bench-" + UUID.randomUUID();
        ObjectNode activity = MAPPER.createObjectNode().put("type", "message").put("id", UUID.randomUUID().toString())
                .put("serviceUrl", connector.serviceUrl()).put("channelId", "msteams").put("locale", "en-US").put("text", "sync my photo");
        activity.putObject("from").put("id", "29:" + person).put("aadObjectId", person);
        activity.putObject("recipient").put("id", "28:" + BOT_APP_ID);
        activity.putObject("conversation").put("id", conversation).put("conversationType", "personal");
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + connector.channelToken(BOT_APP_ID, Forgery.NONE))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the bot answered " + response.statusCode() + ": " + response.body());
        }
        connector.awaitSent(all -> all.stream().anyMatch(s -> s.conversationId().equals(conversation) && "PUT".equals(s.method())), Duration.ofSeconds(30));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        String card = connector.sentTo(conversation).get(1).card().toString();
        if (!card.contains("up to date")) {
            throw new IllegalStateException("a benchmark sync did not succeed: " + card);
        }
        return elapsed;
    }
}
