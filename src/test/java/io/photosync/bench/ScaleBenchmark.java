package io.photosync.bench;

import io.photosync.PhotoSyncApplication;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.scan.RunAction;
import io.photosync.scan.RunProgress;
import io.photosync.scan.RunTimes;
import io.photosync.scan.Scans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scan and a bulk run ("scan and fix") at tenant sizes up to 100,000 members, on PostgreSQL:
 * requests per member, wall time, the heap PhotoSync keeps while it runs (after GC, less the
 * simulated tenant's and the database's, measured before) and database rows per member. 1 % of the
 * members got a new photo since their recorded sync; the bulk run syncs them.
 */
final class ScaleBenchmark {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);

    private ScaleBenchmark() {
    }

    static String run(List<Integer> sizes, double changedShare) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int size : sizes) {
            lines.add(one(size, changedShare));
            System.out.println(lines.get(lines.size() - 1));
        }
        return String.join("\n", lines);
    }

    private static String one(int people, double changedShare) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext context = new SpringApplicationBuilder(PhotoSyncApplication.class).run("--server.port=0",
                     "--management.server.port=0", "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0",
                     "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                     "--spring.datasource.password=", "--photosync.sharepoint.budget-per-minute=100000000", "--logging.level.io.photosync=WARN")) {
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            int changed = populate(tenant, context.getBean(AuditLog.class), people, changedShare);
            int members = (int) tenant.users().stream().filter(user -> !user.guest() && user.accountEnabled()).count();
            Scans scans = context.getBean(Scans.class);

            long baseline = heapAfterGc();
            Map<String, Long> rowsBefore = rows(jdbc);
            tenant.resetCounts();
            Phase scan = phase(() -> scans.start("bench", RunAction.REPORT, "en", null, null), scans);
            Map<String, Long> scanRequests = tenant.requestCounts();
            Map<String, Long> rowsAfterScan = rows(jdbc);

            tenant.resetCounts();
            Phase bulk = phase(() -> scans.start("bench", RunAction.FIX, "en", null, null), scans);
            Map<String, Long> bulkRequests = tenant.requestCounts();
            Map<String, Long> rowsAfterBulk = rows(jdbc);

            long scanMicrosoft = microsoft(scanRequests);
            long syncMicrosoft = microsoft(bulkRequests) - scanMicrosoft;
            return String.format(Locale.ROOT, "scale, %,d members (%d with a new photo): scan %d Graph + %d SharePoint = %.4f requests per member "
                            + "(target <= 0.057) in %.1f s = %.0f members/s; heap kept while scanning (after GC every 2 s, above the %.0f MB before) "
                            + "median %.1f MB, max %.1f MB; "
                            + "database rows added %s = %.3f per member; classes %s | bulk \"scan and fix\": %d synced, %d failed in %.1f s, "
                            + "%.1f Microsoft requests per synced person beyond the scan's, heap kept median %.1f MB, max %.1f MB; rows added %s = %.3f per member",
                    members, changed, scanRequests.getOrDefault("graph", 0L), scanRequests.getOrDefault("sharepoint", 0L),
                    (double) scanMicrosoft / members, scan.seconds(), members / scan.seconds(), baseline / 1e6,
                    Math.max(0, scan.heapMedian() - baseline) / 1e6, Math.max(0, scan.heapMax() - baseline) / 1e6,
                    added(rowsBefore, rowsAfterScan), total(added(rowsBefore, rowsAfterScan)) / (double) members, scans.counts(scan.runId()),
                    bulk.progress().done(), bulk.progress().failed(), bulk.seconds(), (double) syncMicrosoft / Math.max(1, bulk.progress().done()),
                    Math.max(0, bulk.heapMedian() - baseline) / 1e6, Math.max(0, bulk.heapMax() - baseline) / 1e6, added(rowsAfterScan, rowsAfterBulk),
                    total(added(rowsAfterScan, rowsAfterBulk)) / (double) members);
        }
    }

    /** The members, each synced once (the audit log says so), of whom {@code changedShare} changed their photo since; returns how many. */
    private static int populate(SimulatedTenant tenant, AuditLog audit, int people, double changedShare) throws Exception {
        Personas.Persona adele = Personas.byId(Personas.ADELE);
        Personas.Persona megan = Personas.byId(Personas.MEGAN);
        int changed = (int) Math.round(people * changedShare);
        List<SimUser> added = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            SimUser person = tenant.addUser(UUID.randomUUID().toString(), "scale" + i + "@" + Personas.DOMAIN, "Scale Person " + i, false);
            person.setPhoto(adele.photo(), adele.contentType(), adele.width(), adele.height());
            tenant.sharePoint().createProfile(person.userPrincipalName());
            added.add(person);
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (SimUser person : added) {
                writes.add(writers.submit(() -> audit.record(AuditEvent.of(AuditAction.SYNC_COLLEAGUE, new AuditEvent.Person("bench", null),
                        new AuditEvent.Person(person.id(), person.userPrincipalName()), "synced").withMode("app-only")
                        .withPhoto(null, person.photoEtag(), null).correlatedWith("bench"))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
        }
        for (int i = 0; i < changed; i++) {
            added.get(i).setPhoto(megan.photo(), megan.contentType(), megan.width(), megan.height());
        }
        return changed;
    }

    /** @param heap the heap after each GC while it ran, sorted */
    private record Phase(String runId, double seconds, List<Long> heap, RunProgress progress) {
        long heapMax() {
            return heap.get(heap.size() - 1);
        }

        long heapMedian() {
            return heap.get(heap.size() / 2);
        }
    }

    /** Starts a run and waits for its end (its report done and, if it acts, every sync ended), sampling the heap after GC meanwhile. */
    private static Phase phase(Supplier<String> start, Scans scans) throws InterruptedException {
        List<Long> heap = new ArrayList<>();
        long started = System.nanoTime();
        String runId = start.get();
        BooleanSupplier finished = () -> scans.times(runId).map(RunTimes::completed).isPresent();
        long nextSample = 0;
        while (!finished.getAsBoolean()) {
            if (System.nanoTime() >= nextSample) {
                long now = heapAfterGc();
                if (Boolean.getBoolean("bench.histogram") && (heap.isEmpty() || now > heap.stream().mapToLong(Long::longValue).max().orElse(0) + (2 << 20))) {
                    histogram();
                }
                heap.add(now);
                nextSample = System.nanoTime() + SAMPLE_EVERY.toNanos();
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.add(heapAfterGc());
        heap.sort(null);
        return new Phase(runId, seconds, heap, scans.progress(runId));
    }

    /** The classes taking the most heap now ({@code -Dbench.histogram=true}). */
    private static void histogram() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
            new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().limit(60)
                    .forEach(line -> System.out.println("histogram " + line));
        } catch (IOException e) {
            System.out.println("no histogram: " + e.getMessage());
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long microsoft(Map<String, Long> requests) {
        return requests.getOrDefault("graph", 0L) + requests.getOrDefault("sharepoint", 0L);
    }

    /** Rows in each of PhotoSync's tables. */
    private static Map<String, Long> rows(JdbcClient jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
                .query(String.class).list()
                .forEach(table -> rows.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
        return rows;
    }

    /** The tables that gained rows, with how many. */
    private static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            long more = count - before.getOrDefault(table, 0L);
            if (more != 0) {
                added.put(table, more);
            }
        });
        return added;
    }

    private static long total(Map<String, Long> added) {
        return added.values().stream().mapToLong(Long::longValue).sum();
    }
}
