package io.photosync.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.Eventually;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJob;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.jobs.SyncJobs;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PhotoVersions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant scan through the real Graph ($batch) and SharePoint clients, against the simulated tenant. */
@PhotoSyncIntegrationTest
class TenantScanIntegrationTests {

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    TenantScan scan;

    @Autowired
    JdbcScanStore scans;

    @Autowired
    SyncJobs jobs;

    @Test
    void findsEachKindOfPhotoProblem() throws InterruptedException {
        SimUser current = person("Scan Current", true, true);
        sync(current);
        SimUser stale = person("Scan Stale", true, true);
        sync(stale);
        stale.setPhoto(Personas.byId(Personas.MEGAN).photo(), "image/jpeg", 480, 640);
        SimUser missing = person("Scan Missing", true, true);
        SimUser noPhoto = person("Scan Nothing", false, true);
        SimUser orphan = person("Scan Orphan", false, true);
        String currentsPicture = tenant.sharePoint().profileProperty(current.userPrincipalName(), "PictureURL").orElseThrow();
        tenant.sharePoint().setProfileProperty(orphan.userPrincipalName(), "PictureURL", currentsPicture);
        tenant.sharePoint().setProfileProperty(orphan.userPrincipalName(), "SPS-PicturePlaceholderState", "0");
        SimUser noProfile = person("Scan Newcomer", true, false);
        String run = scans.create(Personas.ALEX);

        scan.run(run);

        assertThat(scans.state(run)).hasValue(RunState.DONE);
        assertThat(scans.classOf(run, current.id())).hasValue(ScanClass.CURRENT);
        assertThat(scans.classOf(run, stale.id())).hasValue(ScanClass.STALE);
        assertThat(scans.classOf(run, missing.id())).hasValue(ScanClass.MISSING);
        assertThat(scans.classOf(run, noPhoto.id())).hasValue(ScanClass.NO_SOURCE_PHOTO);
        assertThat(scans.classOf(run, orphan.id())).hasValue(ScanClass.ORPHANED);
        assertThat(scans.classOf(run, noProfile.id())).hasValue(ScanClass.SKIPPED);
        assertThat(scans.classOf(run, Personas.JOHN_GUEST)).as("guests are not members").isEmpty();
        assertThat(scans.counts(run).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(tenant.users().stream().filter(user -> !user.guest() && user.accountEnabled()).toList().size());
    }

    /** An undo is deliberate: a scan does not call it stale (and "scan and fix" does not sync over it) until the Microsoft 365 photo changes. */
    @Test
    void aPhotoPutBackByUndoIsCurrentUntilTheMicrosoft365PhotoChanges(@Autowired PhotoVersions versions) throws InterruptedException {
        SimUser person = person("Scan Undone", true, true);
        sync(person);
        String keptBefore = versions.latest(person.id()).orElseThrow().id();
        String undo = jobs.accept(SyncJobRequest.onBehalf("test:scan:undo:" + person.id(), JobPerson.id(person.id()), JobPerson.id(Personas.ALEX),
                "en", null).restoring(keptBefore)).orElseThrow().id();
        jobs.start(undo, null);
        Eventually.await(() -> jobs.find(undo).orElseThrow().state() == SyncJob.State.DONE, Duration.ofSeconds(20));
        String first = scans.create(Personas.ALEX);

        scan.run(first);

        assertThat(scans.classOf(first, person.id())).as("SharePoint shows no photo again, as the undo asked").hasValue(ScanClass.CURRENT);
        person.setPhoto(Personas.byId(Personas.MEGAN).photo(), "image/jpeg", 480, 640);
        String second = scans.create(Personas.ALEX);
        scan.run(second);
        assertThat(scans.classOf(second, person.id())).as("a new photo since the recorded undo: stale, without asking SharePoint").hasValue(ScanClass.STALE);
        assertThat(scans.fixable(second)).containsKey(person.id());
    }

    @Test
    void reportsOlderThanTheRetentionAreDeletedButRunningOnesStay(@Autowired Scans runs, @Autowired JdbcClient jdbc) {
        String old = scans.create(Personas.ALEX);
        String oldButRunning = scans.create(Personas.ALEX);
        String recent = scans.create(Personas.ALEX);
        scans.save(List.of(new ScanStore.Finding(old, new DirectoryUser(Personas.ADELE, "adelev@" + Personas.DOMAIN,
                "Adele Vance", false, null, null, null, null), ScanClass.MISSING, "no PictureURL")));
        var longAgo = OffsetDateTime.now().minusDays(100);
        jdbc.sql("update scan_run set started_at = ?, updated_at = ?, completed_at = ? where id = ?").params(longAgo, longAgo, longAgo, old).update();
        jdbc.sql("update scan_run set started_at = ? where id = ?").params(longAgo, oldButRunning).update();

        int deleted = runs.deleteReportsOlderThan(Duration.ofDays(90));

        assertThat(deleted).isEqualTo(1);
        assertThat(scans.run(old)).isEmpty();
        assertThat(scans.classOf(old, Personas.ADELE)).as("its findings too").isEmpty();
        assertThat(scans.run(oldButRunning)).as("still being updated").isPresent();
        assertThat(scans.run(recent)).isPresent();
    }

    private SimUser person(String name, boolean photo, boolean profile) {
        return NewPeople.add(tenant, name, photo, profile);
    }

    private void sync(SimUser person) throws InterruptedException {
        String jobId = jobs.accept(SyncJobRequest.onBehalf("test:scan:" + person.id(), JobPerson.id(person.id()), JobPerson.id(Personas.ALEX), "en", null)).orElseThrow().id();
        jobs.start(jobId, null);
        Eventually.await(() -> jobs.find(jobId).orElseThrow().state() == SyncJob.State.DONE, Duration.ofSeconds(20));
    }
}
