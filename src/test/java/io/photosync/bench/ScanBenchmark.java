package io.photosync.bench;

import io.photosync.PhotoSyncApplication;
import io.photosync.audit.AuditAction;
import io.photosync.audit.AuditEvent;
import io.photosync.audit.AuditLog;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.scan.JdbcScanStore;
import io.photosync.scan.ScanClass;
import io.photosync.scan.TenantDirectory;
import io.photosync.scan.TenantScan;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.ProfilePhotoStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A tenant scan of thousands of people of whom 1 % changed their photo since the last sync: the
 * Microsoft requests PhotoSync's scan makes, against a naive script that, like the anchors' tools,
 * reads each person's photo metadata, downloads the photo and reads their SharePoint profile.
 */
final class ScanBenchmark {

    private ScanBenchmark() {
    }

    static String run(int people, double changedShare) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PhotoSyncApplication.class).run("--server.port=0", "--management.server.port=0",
                "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0", "--spring.datasource.url=" + Benchmarks.inMemoryDatabase("scan"),
                "--photosync.jobs.autostart=false", "--photosync.sharepoint.budget-per-minute=10000000", "--logging.level.io.photosync=WARN")) {
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            AuditLog audit = context.getBean(AuditLog.class);
            Personas.Persona adele = Personas.byId(Personas.ADELE);
            Personas.Persona megan = Personas.byId(Personas.MEGAN);
            int changed = (int) Math.round(people * changedShare);
            for (int i = 0; i < people; i++) {
                SimUser person = tenant.addUser(UUID.randomUUID().toString(), "scan" + i + "@" + Personas.DOMAIN, "Scan Person " + i, false);
                person.setPhoto(adele.photo(), adele.contentType(), adele.width(), adele.height());
                tenant.sharePoint().createProfile(person.userPrincipalName());
                audit.record(AuditEvent.of(AuditAction.SYNC_COLLEAGUE, new AuditEvent.Person("bench", null),
                        new AuditEvent.Person(person.id(), person.userPrincipalName()), "synced").withMode("app-only")
                        .withPhoto(null, person.photoEtag(), null).correlatedWith("bench"));
                if (i < changed) {
                    person.setPhoto(megan.photo(), megan.contentType(), megan.width(), megan.height());
                }
            }

            tenant.resetCounts();
            JdbcScanStore store = context.getBean(JdbcScanStore.class);
            String run = store.create("bench");
            long started = System.nanoTime();
            context.getBean(TenantScan.class).run(run);
            double scanSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> ours = tenant.requestCounts();
            Map<ScanClass, Integer> classes = store.counts(run);
            long members = classes.values().stream().mapToLong(Integer::longValue).sum();

            tenant.resetCounts();
            started = System.nanoTime();
            long naivePeople = naive(context.getBean(TenantDirectory.class), context.getBean(PhotoSource.class), context.getBean(ProfilePhotoStore.class));
            double naiveSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> theirs = tenant.requestCounts();

            long ourMicrosoft = ours.getOrDefault("graph", 0L) + ours.getOrDefault("sharepoint", 0L);
            long theirMicrosoft = theirs.getOrDefault("graph", 0L) + theirs.getOrDefault("sharepoint", 0L);
            return String.format(Locale.ROOT, "scan: %d members, %d (%.0f %%) with a changed photo; PhotoSync %d Graph + %d SharePoint requests = %.3f per member "
                            + "in %.1f s (classes %s); naive script (metadata + download + SharePoint read per member, %d members) %d Graph + %d SharePoint = %.2f "
                            + "per member in %.1f s; %.0fx fewer requests (target >= 30x); token requests not counted (PhotoSync %d, naive %d)",
                    members, changed, changedShare * 100, ours.getOrDefault("graph", 0L), ours.getOrDefault("sharepoint", 0L), (double) ourMicrosoft / members,
                    scanSeconds, classes, naivePeople, theirs.getOrDefault("graph", 0L), theirs.getOrDefault("sharepoint", 0L),
                    (double) theirMicrosoft / naivePeople, naiveSeconds, (double) theirMicrosoft / ourMicrosoft,
                    ours.getOrDefault("entra", 0L), theirs.getOrDefault("entra", 0L));
        }
    }

    /** What the anchors' scripts do: per person, the photo's metadata and bytes from Graph and the profile from SharePoint (8 at a time). */
    private static long naive(TenantDirectory directory, PhotoSource photos, ProfilePhotoStore sharePoint) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            TenantDirectory.MemberPage page = directory.enabledMembers(null);
            while (true) {
                for (DirectoryUser member : page.members()) {
                    work.add(workers.submit(() -> {
                        photos.photoOf(member.objectId());
                        try {
                            sharePoint.readPicture(member);
                        } catch (RuntimeException noProfile) {
                            // Someone without a SharePoint profile yet: the script notes it and goes on.
                        }
                    }));
                }
                if (page.next() == null) {
                    break;
                }
                page = directory.enabledMembers(page.next());
            }
            for (Future<?> each : work) {
                each.get();
            }
            return work.size();
        } finally {
            workers.shutdown();
        }
    }
}
