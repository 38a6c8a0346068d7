package io.photosync.bench;

import io.photosync.deployment.Dockerfile;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sandbox.TenantOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (i) Footprint: the packaged jar prepared as {@code deployment/Dockerfile}'s build stage prepares
 * it (unpacked, its class-data archive recorded) and started as its entrypoint starts it (its
 * entrypoint's JVM options, and {@code -XX:MaxRAM} at the Kubernetes manifest's memory limit, which
 * is what the JVM sees in that container), configured for a real tenant that a simulated tenant in
 * this process plays (so the figures are PhotoSync's alone). Measured: time from the process's
 * start to ready ({@code /readyz} UP), resident memory ({@code VmRSS}) idle, after the
 * acknowledgement benchmark's load, and after 10,000 requests; the heap after a full GC
 * ({@code jcmd}) at the end. {@code -Dbench.jvmOptions="..."} replaces the Dockerfile's options, to
 * compare settings.
 */
final class FootprintBenchmark {

    private static final String BOT_APP_ID = "5e8a1c3f-9b2d-4e7a-8c6f-1d3b5a7e9f02";
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private FootprintBenchmark() {
    }

    static String run(int users, int messagesPerUser, int totalRequests) throws Exception {
        Path work = Files.createTempDirectory("photosync-footprint-");
        Files.createDirectories(work.resolve("data"));
        Dockerfile docker = Dockerfile.read(Path.of("deployment/Dockerfile"));
        // The image's /app: the jar unpacked and its class-data archive recorded, as the build stage does.
        Path app = System.getProperty("bench.jar") != null ? Path.of(System.getProperty("bench.jar")).toAbsolutePath().getParent()
                : docker.prepare(Path.of("target/photosync.jar").toAbsolutePath(), work);
        String memoryLimit = memoryLimit(Files.readString(Path.of("deployment/kubernetes/photosync.yaml")));
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().withLatency(Duration.ofMillis(50)))) {
            // Each start is a first start (a fresh database to migrate); all but the last are stopped once ready.
            int starts = Integer.getInteger("bench.starts", 5);
            List<Double> readiness = new ArrayList<>();
            for (int i = 1; i < starts; i++) {
                Path fresh = Files.createDirectories(Files.createTempDirectory("photosync-footprint-").resolve("data")).getParent();
                int port = freePort();
                long launched = System.nanoTime();
                Process once = start(docker, app, memoryLimit, tenant, fresh, port);
                try {
                    awaitReady("http://localhost:" + port + "/readyz", once);
                    readiness.add((System.nanoTime() - launched) / 1e9);
                } finally {
                    once.destroy();
                    once.waitFor(30, TimeUnit.SECONDS);
                }
            }
            int port = freePort();
            long launched = System.nanoTime();
            Process photoSync = start(docker, app, memoryLimit, tenant, work, port);
            try {
                String base = "http://localhost:" + port;
                awaitReady(base + "/readyz", photoSync);
                readiness.add((System.nanoTime() - launched) / 1e9);
                Collections.sort(readiness);
                String ready = String.format(Locale.ROOT, "%.2f s (median of %d starts; fastest %.2f, slowest %.2f)", readiness.get(readiness.size() / 2),
                        readiness.size(), readiness.get(0), readiness.get(readiness.size() - 1));
                Thread.sleep(Long.getLong("bench.idleSeconds", 10) * 1_000);
                long idle = rss(photoSync);
                List<String> people = AcknowledgementBenchmark.people(tenant, users);
                String acknowledgements = AcknowledgementBenchmark.load(base + "/api/messages", tenant, BOT_APP_ID, people, messagesPerUser,
                        Long.getLong("bench.thinkMillis", 1_000));
                long afterAck = rss(photoSync);
                String afterAckParts = rssParts(photoSync);
                int sent = Math.max(50, users) + users * messagesPerUser;
                int more = Math.max(0, totalRequests - sent) / users;
                if (more > 0) {
                    AcknowledgementBenchmark.load(base + "/api/messages", tenant, BOT_APP_ID, people, more, 0);
                    sent += Math.max(50, users) + users * more;
                }
                long afterAll = rss(photoSync);
                String afterAllParts = rssParts(photoSync);
                String heap = heapAfterGc(photoSync);
                if (Boolean.getBoolean("bench.histogram")) {
                    jcmd(photoSync, "GC.class_histogram").lines().limit(30).forEach(System.out::println);
                }
                if (jvmOptions(docker).stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking"))) {
                    System.out.println(jcmd(photoSync, "VM.native_memory", "summary"));
                }
                return String.format(Locale.ROOT, "footprint (JVM options %s, -XX:MaxRAM=%s as the Kubernetes limit): ready %s after the process "
                                + "started (target < 5 s); RSS idle %d MB; after the acknowledgement load %d MB%s (target < 400 MB); after %d requests %d MB%s; "
                                + "heap after a full GC %s; the load: %s",
                        jvmOptions(docker), memoryLimit, ready, idle / 1024, afterAck / 1024, afterAckParts, sent, afterAll / 1024, afterAllParts, heap,
                        acknowledgements);
            } finally {
                photoSync.destroy();
                photoSync.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The JVM options of the Dockerfile's entrypoint (between {@code java} and {@code -jar}), or {@code bench.jvmOptions}. */
    static List<String> jvmOptions(Dockerfile docker) {
        String override = System.getProperty("bench.jvmOptions");
        if (override != null) {
            return List.of(override.trim().split("\\s+"));
        }
        List<String> entrypoint = docker.entrypoint();
        return entrypoint.subList(1, entrypoint.indexOf("-jar"));
    }

    private static Process start(Dockerfile docker, Path app, String memoryLimit, SimulatedTenant tenant, Path work, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:MaxRAM=" + memoryLimit));
        command.addAll(jvmOptions(docker));
        command.addAll(List.of("-jar", "photosync.jar"));
        Map<String, String> settings = new LinkedHashMap<>(docker.environment());
        settings.put("PORT", String.valueOf(port));
        settings.put("MANAGEMENT_SERVER_PORT", String.valueOf(freePort()));
        settings.put("PHOTOSYNC_ENTRA_TENANT_ID", tenant.tenantId());
        settings.put("PHOTOSYNC_ENTRA_CLIENT_ID", BOT_APP_ID);
        settings.put("PHOTOSYNC_ENTRA_CERTIFICATE_PATH", tenant.registerAppWithNewCertificate(BOT_APP_ID, null, work).toString());
        settings.put("PHOTOSYNC_ENTRA_AUTHORITY_HOST", tenant.baseUrl());
        settings.put("PHOTOSYNC_ENTRA_INSTANCE_DISCOVERY", "false");
        settings.put("PHOTOSYNC_GRAPH_BASE_URL", tenant.graphBaseUrl());
        settings.put("PHOTOSYNC_SHAREPOINT_MY_SITE_HOST", tenant.sharePointHost(Api.SHAREPOINT_MY));
        settings.put("PHOTOSYNC_SHAREPOINT_ADMIN_HOST", tenant.sharePointHost(Api.SHAREPOINT_ADMIN));
        settings.put("PHOTOSYNC_SHAREPOINT_BUDGET_PER_MINUTE", "1000000");
        settings.put("PHOTOSYNC_HTTP_TRUSTED_CERTIFICATE_PATH", tenant.writeTlsCertificate(work).toString());
        settings.put("PHOTOSYNC_BOT_APP_ID", BOT_APP_ID);
        settings.put("PHOTOSYNC_BOT_OPEN_ID_METADATA_URL", tenant.botConnector().openIdMetadataUrl());
        settings.put("PHOTOSYNC_SSO_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        // A person's own sync without their sign-in: the load needs no SSO exchange.
        settings.put("PHOTOSYNC_SYNC_SELF_MODE", "app-only");
        settings.put("LOGGING_LEVEL_IO_PHOTOSYNC", "WARN");
        // The image's default database, an H2 file, but a new one for each start: each is a first start.
        settings.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + work.resolve("data/photosync") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        // In the image's /app, as the entrypoint names the jar and the archive relative to it.
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("photosync.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PHOTOSYNC_") || name.startsWith("SPRING_") || name.startsWith("JAVA_TOOL"));
        builder.environment().putAll(settings);
        return builder.start();
    }

    private static void awaitReady(String url, Process photoSync) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && photoSync.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("PhotoSync did not become ready; see its log in the benchmark's temporary directory");
    }

    private static long rss(Process process) throws IOException {
        Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Resident memory by kind: anonymous (heap, metaspace, threads, malloc) and file-backed (jars, the class-data archive), in MB. */
    private static String rssParts(Process process) throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
        Matcher anon = Pattern.compile("RssAnon:\\s+(\\d+) kB").matcher(status);
        Matcher file = Pattern.compile("RssFile:\\s+(\\d+) kB").matcher(status);
        return anon.find() && file.find() ? " (" + Long.parseLong(anon.group(1)) / 1024 + " anonymous, " + Long.parseLong(file.group(1)) / 1024 + " file)" : "";
    }

    private static String jcmd(Process process, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    /** {@code jcmd <pid> GC.run}, then the heap's used size as {@code GC.heap_info} reports it. */
    private static String heapAfterGc(Process process) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "(no jcmd)";
        }
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        Process info = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor(60, TimeUnit.SECONDS);
        Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(text);
        long usedKb = 0;
        long totalKb = 0;
        while (used.find()) {
            totalKb += Long.parseLong(used.group(1));
            usedKb += Long.parseLong(used.group(2));
        }
        return usedKb == 0 ? "(unreadable: " + text.strip().replace('\n', ' ') + ")" : String.format(Locale.ROOT, "%d MB used of %d MB committed",
                usedKb / 1024, totalKb / 1024);
    }

    /** The container's memory limit in the Kubernetes manifest, as a JVM size ({@code 1Gi} → {@code 1g}). */
    static String memoryLimit(String manifest) {
        Matcher limit = Pattern.compile("limits:\\s*\\n(?:\\s+\\w+:.*\\n)*?\\s+memory:\\s*(\\d+)(Mi|Gi)").matcher(manifest);
        if (!limit.find()) {
            throw new IllegalStateException("deployment/kubernetes/photosync.yaml sets no memory limit");
        }
        return limit.group(1) + (limit.group(2).equals("Gi") ? "g" : "m");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
