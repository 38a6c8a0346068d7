package io.photosync.bot;

import io.photosync.PhotoSyncApplication;
import io.photosync.sandbox.Forgery;
import io.photosync.sandbox.SimulatedTenant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/benchmarks.md (g): {@code count} generated hostile requests (HostileTraffic) against the
 * whole application, with channel tokens enforced and in sandbox mode: the answers by status,
 * any 5xx, heap after a full GC and resident memory before and after, and how much the log grew
 * per refused request. Run: {@code ./mvnw -B -Pbench test-compile exec:java -Dbench.only=hostile}.
 */
public final class HostileTrafficBenchmark {

    private static final String BOT_APP_ID = "5b0c7d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e";

    private HostileTrafficBenchmark() {
    }

    public static String run(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(mode("channel tokens enforced", count, database("production"), true));
        lines.add(mode("sandbox mode", count, database("sandbox"), false));
        return String.join("\n", lines);
    }

    private static String mode(String name, int count, String database, boolean authenticated) throws Exception {
        Path log = Path.of("target", "bench", "hostile-" + (authenticated ? "production" : "sandbox") + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--spring.datasource.url=" + database,
                "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0", "--logging.file.name=" + log,
                "--logging.config=classpath:logback-bench.xml", "--photosync.sharepoint.budget-per-minute=1000000"));
        if (authenticated) {
            arguments.add("--photosync.bot.app-id=" + BOT_APP_ID);
        }
        try (ConfigurableApplicationContext context = new SpringApplication(PhotoSyncApplication.class).run(arguments.toArray(String[]::new))) {
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            String endpoint = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/api/messages";
            HostileTraffic warmUp = new HostileTraffic(1, tenant.botConnector().serviceUrl(), token(tenant, authenticated));
            HostileFire.fire(endpoint, warmUp, 1_000, 4);
            Thread.sleep(2_000);
            forgetWhatTheSimulatorRecorded(tenant);
            long heapBefore = heapAfterGc();
            Map<String, Long> classesBefore = histogram();
            long rssBefore = residentBytes();
            long logBefore = Files.exists(log) ? Files.size(log) : 0;
            HostileTraffic traffic = new HostileTraffic(20261202L, tenant.botConnector().serviceUrl(), token(tenant, authenticated));
            long started = System.nanoTime();
            HostileFire.Result result = HostileFire.fire(endpoint, traffic, count, 4);
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(5_000);
            forgetWhatTheSimulatorRecorded(tenant);
            long heapAfter = heapAfterGc();
            String grew = growth(classesBefore, histogram());
            long rssAfter = residentBytes();
            long logGrowth = (Files.exists(log) ? Files.size(log) : 0) - logBefore;
            long refused = result.statuses().entrySet().stream().filter(e -> e.getKey() >= 400).mapToLong(Map.Entry::getValue).sum();
            return String.format(Locale.ROOT, "hostile traffic, %s: %d requests in %.1f s (%s); %d answers >= 500 other than an invoke's 501, "
                            + "%d failures; heap after GC %.1f MB before, %.1f MB after (%.2fx); RSS %.0f MB before, %.0f MB after; "
                            + "log grew %d bytes for %d refused requests (%.1f bytes each); grew most (live bytes): %s",
                    name, result.sent(), seconds, result.statuses(), result.failures().stream().filter(f -> f.matches("^5\\d\\d .*")).count(),
                    result.failures().size(), heapBefore / 1e6, heapAfter / 1e6, (double) heapAfter / heapBefore, rssBefore / 1e6, rssAfter / 1e6,
                    logGrowth, refused, refused == 0 ? 0.0 : (double) logGrowth / refused, grew);
        }
    }

    private static String database(String name) {
        return "jdbc:h2:mem:bench-hostile-" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    private static Supplier<String> token(SimulatedTenant tenant, boolean authenticated) {
        return authenticated ? () -> tenant.botConnector().channelToken(BOT_APP_ID, Forgery.NONE) : null;
    }

    /**
     * The simulated tenant and connector keep every request and every card they received, for the
     * tests to read; that is the simulator's memory, not PhotoSync's, and no deployment has it.
     */
    private static void forgetWhatTheSimulatorRecorded(SimulatedTenant tenant) {
        tenant.clearReceivedRequests();
        tenant.botConnector().clear();
    }

    /** Live bytes per class, from the JVM's own class histogram (which collects first). */
    private static Map<String, Long> histogram() throws Exception {
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String table = (String) ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(table);
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return bytes;
    }

    /** The five classes whose live bytes grew most, e.g. {@code byte[] +2.1 MB}. */
    private static String growth(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %+.1f MB", e.getKey(), e.getValue() / 1e6)).reduce((a, b) -> a + ", " + b).orElse("nothing");
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc (Linux); 0 elsewhere. */
    private static long residentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
    }
}
