package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.sandbox.Personas;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoSyncServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] PHOTO = Personas.byId(Personas.ADELE).photo();

    private final FakeTenant tenant = new FakeTenant();
    private final PhotoSyncService service = service(SyncProperties.SelfMode.DELEGATED_THEN_APP_ONLY);

    private PhotoSyncService service(SyncProperties.SelfMode mode) {
        return new PhotoSyncService(tenant, tenant, tenant, tenant, new SyncProperties(300, false, mode, SyncProperties.Mode.WRITE), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Auto mode: without SharePoint's write permission, nothing is written and the person is asked to have SharePoint pull. */
    @Test
    void autoModeAsksSharePointToPullWhenPhotoSyncMayNotWriteAndWritesWhenItMay() {
        PhotoSyncService auto = new PhotoSyncService(tenant, tenant, tenant, tenant,
                new SyncProperties(300, false, SyncProperties.SelfMode.APP_ONLY, SyncProperties.Mode.AUTO), Clock.fixed(NOW, ZoneOffset.UTC));
        tenant.add("me", "adele@contoso.com", false, PHOTO, true);
        tenant.writesProfiles = false;

        SyncOutcome pulled = auto.sync(new SyncRequest("me"));

        assertThat(pulled).isInstanceOfSatisfying(SyncOutcome.PullRequested.class,
                pull -> assertThat(pull.link()).endsWith("/_layouts/15/userphoto.aspx?size=L&accountname=adele@contoso.com"));
        assertThat(tenant.writes).as("least privilege: nothing written").isEmpty();

        tenant.writesProfiles = true;
        assertThat(auto.sync(new SyncRequest("me"))).isInstanceOf(SyncOutcome.Synced.class);
        assertThat(tenant.writes).isNotEmpty();
    }

    @Test
    void aPersonsOwnRequestUploadsOneNormalisedJpegWithTheirRightsAndReadsBackWhatSharePointMade() throws Exception {
        tenant.add("me", "isaiah@contoso.com", false, Personas.byId(Personas.ISAIAH).photo(), true);

        SyncOutcome outcome = service.sync(new SyncRequest("me", true));

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> {
            assertThat(synced.mode()).isEqualTo(WriteMode.DELEGATED);
            assertThat(synced.fallbackReason()).isNull();
            assertThat(synced.pictureUrl()).endsWith("/isaiah_contoso_com_MThumb.jpg");
            assertThat(synced.thumbnail()).isEqualTo(tenant.files.get(synced.pictureUrl()));
        });
        assertThat(tenant.writes).containsExactly("SetMyProfilePicture");
        BufferedImage uploaded = ImageIO.read(new ByteArrayInputStream(tenant.ownUploads.get(0)));
        assertThat(uploaded.getWidth()).isEqualTo(648).isEqualTo(uploaded.getHeight());
        assertThat(uploaded.getColorModel().getNumComponents()).as("CMYK converted to RGB").isEqualTo(3);
    }

    @Test
    void keepsWhatSharePointShowedBeforeEachChangeButNotWhatItIsAboutToWriteAgain() {
        Map<String, KeptPhoto> kept = new LinkedHashMap<>();
        PhotoSyncService keeping = new PhotoSyncService(tenant, tenant, tenant, tenant, inMemory(kept), NewPhotos.NONE, null,
                new SyncProperties(300, false, SyncProperties.SelfMode.APP_ONLY, SyncProperties.Mode.WRITE), Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);
        tenant.add("me", "adele@contoso.com", false, PHOTO, true);

        SyncOutcome first = keeping.sync(new SyncRequest("me"));
        SyncOutcome again = keeping.sync(new SyncRequest("me"));

        assertThat(first).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> {
            assertThat(synced.keptVersion()).isNotNull();
            assertThat(kept.get(synced.keptVersion()).hadPicture()).as("SharePoint showed no photo before").isFalse();
        });
        assertThat(again).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> assertThat(synced.keptVersion())
                .as("SharePoint already holds exactly these renditions: nothing to keep").isNull());
        assertThat(kept).hasSize(1);

        SyncOutcome undone = keeping.sync(new SyncRequest("me", false, kept.keySet().iterator().next()));

        assertThat(undone).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> {
            assertThat(synced.restored()).isTrue();
            assertThat(synced.code()).isEqualTo("restored");
            assertThat(kept.get(synced.keptVersion()).medium()).as("the undo kept the photo it replaced")
                    .isEqualTo(tenant.files.get(((SyncOutcome.Synced) first).pictureUrl()));
        });
        assertThat(tenant.readPicture(tenant.findUser("me").orElseThrow())).as("no photo again, as before")
                .isEqualTo(new ProfilePicture("", "1"));
        assertThat(keeping.sync(new SyncRequest("someone-else", false, kept.keySet().iterator().next())))
                .isInstanceOf(SyncOutcome.UserNotFound.class);
    }

    /** What SharePoint shows is read while the photo is, but kept only when something is written. */
    @Test
    void aDelegatedSyncThatWritesNothingKeepsNothing() {
        Map<String, KeptPhoto> kept = new LinkedHashMap<>();
        PhotoSyncService keeping = new PhotoSyncService(tenant, tenant, tenant, tenant, inMemory(kept), NewPhotos.NONE, null,
                new SyncProperties(300, false, SyncProperties.SelfMode.DELEGATED, SyncProperties.Mode.WRITE), Clock.fixed(NOW, ZoneOffset.UTC),
                Executors.newFixedThreadPool(2));
        tenant.add("nophoto", "lynne@contoso.com", false, null, true);
        tenant.add("garbage", "garbage@contoso.com", false, "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8), true);
        tenant.add("me", "adele@contoso.com", false, PHOTO, true);

        assertThat(keeping.sync(new SyncRequest("nophoto", true))).isInstanceOf(SyncOutcome.NoSourcePhoto.class);
        assertThat(keeping.sync(new SyncRequest("garbage", true))).isInstanceOf(SyncOutcome.UnusableSourcePhoto.class);
        assertThat(kept).as("nothing written, nothing kept").isEmpty();

        assertThat(keeping.sync(new SyncRequest("me", true))).isInstanceOfSatisfying(SyncOutcome.Synced.class,
                synced -> assertThat(kept).containsKey(synced.keptVersion()));
    }

    private static PhotoVersions inMemory(Map<String, KeptPhoto> kept) {
        return new PhotoVersions() {
            @Override
            public boolean keeping() {
                return true;
            }

            @Override
            public String keep(KeptPhoto photo) {
                String id = "v" + kept.size();
                kept.put(id, new KeptPhoto(id, photo.subjectId(), photo.keptAt(), photo.picture(), photo.small(), photo.medium(), photo.large()));
                return id;
            }

            @Override
            public Optional<KeptPhoto> find(String versionId) {
                return Optional.ofNullable(kept.get(versionId));
            }

            @Override
            public List<KeptPhoto> of(String subjectId) {
                return kept.values().stream().filter(photo -> photo.subjectId().equals(subjectId)).toList();
            }
        };
    }

    @Test
    void fallsBackToAppOnlyWhenTheDelegatedWriteFailsAndSaysWhy() {
        tenant.add("me", "adele@contoso.com", false, PHOTO, true);
        tenant.failOnOwnWrite = FakeTenant.fault(RemoteServiceException.Kind.PERMISSION_DENIED, null);

        SyncOutcome outcome = service.sync(new SyncRequest("me", true));

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> {
            assertThat(synced.mode()).isEqualTo(WriteMode.APP_ONLY);
            assertThat(synced.fallbackReason()).isEqualTo("permission-missing: simulated PERMISSION_DENIED");
        });
        assertThat(tenant.writes).contains("me_MThumb.jpg", "PictureURL");
    }

    @Test
    void neverFallsBackForASignInProblemOrInDelegatedMode() {
        tenant.add("me", "adele@contoso.com", false, PHOTO, true);
        tenant.failOnOwnWrite = FakeTenant.fault(RemoteServiceException.Kind.UNAUTHENTICATED, null);

        assertThat(service.sync(new SyncRequest("me", true))).isInstanceOf(SyncOutcome.SignInNeeded.class);

        tenant.failOnOwnWrite = FakeTenant.fault(RemoteServiceException.Kind.PERMISSION_DENIED, null);
        assertThat(service(SyncProperties.SelfMode.DELEGATED).sync(new SyncRequest("me", true))).isInstanceOf(SyncOutcome.PermissionMissing.class);
        assertThat(tenant.writes).isEmpty();
    }

    @Test
    void aColleaguesPhotoAndAppOnlyModeNeverUseDelegatedRights() {
        tenant.add("u9", "megan@contoso.com", false, PHOTO, true);

        assertThat(service.sync(new SyncRequest("u9", false))).isInstanceOfSatisfying(SyncOutcome.Synced.class,
                synced -> assertThat(synced.mode()).isEqualTo(WriteMode.APP_ONLY));
        assertThat(service(SyncProperties.SelfMode.APP_ONLY).sync(new SyncRequest("u9", true))).isInstanceOfSatisfying(SyncOutcome.Synced.class,
                synced -> assertThat(synced.mode()).isEqualTo(WriteMode.APP_ONLY));
        assertThat(tenant.ownUploads).isEmpty();
    }

    @Test
    void aSourceThatIsNotAnImageIsNeverUploaded() {
        tenant.add("me", "adele@contoso.com", false, "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8), true);

        assertThat(service.sync(new SyncRequest("me", true))).isEqualTo(new SyncOutcome.UnusableSourcePhoto(PhotoRejected.Reason.NOT_AN_IMAGE));
        assertThat(tenant.ownUploads).isEmpty();
    }

    @Test
    void writesThreeRenditionsThenTheProfileAndVerifiesThem() {
        tenant.add("u1", "adele@contoso.com", false, PHOTO, true);

        SyncOutcome outcome = service.sync(new SyncRequest("u1"));

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.Synced.class, synced -> {
            assertThat(synced.pictureUrl()).endsWith("/u1_MThumb.jpg");
            assertThat(synced.sourceEtag()).isEqualTo("\"etag-u1\"");
            assertThat(synced.largeSize()).isEqualTo(300);
            assertThat(synced.thumbnail()).isEqualTo(tenant.files.get(synced.pictureUrl()));
        });
        assertThat(tenant.writes).hasSize(6);
        assertThat(tenant.writes.subList(0, 3)).as("all three files before any property: PictureURL never names a missing file")
                .containsExactlyInAnyOrder("u1_SThumb.jpg", "u1_LThumb.jpg", "u1_MThumb.jpg");
        assertThat(tenant.writes.subList(3, 6)).containsExactlyInAnyOrder("PictureURL", "SPS-PicturePlaceholderState", "SPS-PictureTimestamp");
        var profile = tenant.profiles.get("i:0#.f|membership|adele@contoso.com");
        assertThat(profile).containsEntry("SPS-PicturePlaceholderState", "0");
        // .NET ticks-epoch seconds: seconds since 0001-01-01.
        assertThat(profile).containsEntry("SPS-PictureTimestamp", String.valueOf(NOW.getEpochSecond() + 62_135_596_800L));
    }

    /** The three uploads are independent: they are under way at the same time, one round trip instead of three. */
    @Test
    void theThreeRenditionsGoOutTogether() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            PhotoSyncService together = new PhotoSyncService(tenant, tenant, tenant, tenant, PhotoVersions.NONE, NewPhotos.NONE, null,
                    new SyncProperties(300, false, SyncProperties.SelfMode.APP_ONLY, SyncProperties.Mode.WRITE), Clock.fixed(NOW, ZoneOffset.UTC), pool);
            tenant.add("u2", "megan@contoso.com", false, PHOTO, true);
            tenant.uploadsUnderWay = new CountDownLatch(3);

            assertThat(together.sync(new SyncRequest("u2"))).isInstanceOf(SyncOutcome.Synced.class);

            assertThat(tenant.uploadsWereTogether).as("all three uploads were under way at once").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One of them refused: the sync ends as the refusal says, and no property names a file. */
    @Test
    void aRefusedUploadWritesNoProperty() {
        tenant.add("u3", "isaiah@contoso.com", false, PHOTO, true);
        tenant.failOnWrite = FakeTenant.fault(RemoteServiceException.Kind.THROTTLED, Duration.ofSeconds(120));

        assertThat(service.sync(new SyncRequest("u3"))).isInstanceOf(SyncOutcome.Throttled.class);

        assertThat(tenant.writes).isEmpty();
        assertThat(tenant.profiles.get("i:0#.f|membership|isaiah@contoso.com")).containsEntry("PictureURL", "");
    }

    @Test
    void reportsAnUnknownUser() {
        assertThat(service.sync(new SyncRequest("nobody"))).isEqualTo(new SyncOutcome.UserNotFound("nobody"));
    }

    @Test
    void skipsGuestsUnlessConfigured() {
        tenant.add("g1", "john_fabrikam.com#EXT#@contoso.com", true, PHOTO, true);
        PhotoSyncService includingGuests = new PhotoSyncService(tenant, tenant, tenant, tenant, new SyncProperties(300, true, SyncProperties.SelfMode.APP_ONLY, SyncProperties.Mode.WRITE), Clock.systemUTC());

        assertThat(service.sync(new SyncRequest("g1"))).isInstanceOf(SyncOutcome.GuestNotSupported.class);
        assertThat(tenant.writes).isEmpty();
        assertThat(includingGuests.sync(new SyncRequest("g1"))).isInstanceOf(SyncOutcome.Synced.class);
    }

    @Test
    void reportsAMissingSourcePhotoWithoutWritingAnything() {
        tenant.add("u2", "lynne@contoso.com", false, null, true);

        assertThat(service.sync(new SyncRequest("u2"))).isInstanceOf(SyncOutcome.NoSourcePhoto.class);
        assertThat(tenant.writes).isEmpty();
    }

    @Test
    void reportsAMissingSharePointProfile() {
        tenant.add("u3", "lidia@contoso.com", false, PHOTO, false);

        assertThat(service.sync(new SyncRequest("u3"))).isEqualTo(new SyncOutcome.NoSharePointProfile("lidia@contoso.com"));
    }

    @Test
    void reportsAnUnusablePhoto() {
        tenant.add("u4", "x@contoso.com", false, "not an image".getBytes(), true);

        assertThat(service.sync(new SyncRequest("u4"))).isEqualTo(new SyncOutcome.UnusableSourcePhoto(PhotoRejected.Reason.NOT_AN_IMAGE));
        assertThat(tenant.writes).isEmpty();
    }

    @Test
    void turnsRemoteFaultsIntoOutcomes() {
        tenant.add("u5", "y@contoso.com", false, PHOTO, true);

        tenant.failOnWrite = FakeTenant.fault(RemoteServiceException.Kind.THROTTLED, Duration.ofSeconds(120));
        assertThat(service.sync(new SyncRequest("u5"))).isEqualTo(new SyncOutcome.Throttled(Duration.ofSeconds(120)));

        tenant.failOnWrite = FakeTenant.fault(RemoteServiceException.Kind.PERMISSION_DENIED, null);
        assertThat(service.sync(new SyncRequest("u5"))).isInstanceOf(SyncOutcome.PermissionMissing.class);

        tenant.failOnWrite = FakeTenant.fault(RemoteServiceException.Kind.UNAVAILABLE, null);
        assertThat(service.sync(new SyncRequest("u5"))).isInstanceOfSatisfying(SyncOutcome.Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void doesNotClaimSuccessWhenSharePointDoesNotShowWhatWasWritten() {
        tenant.add("u6", "z@contoso.com", false, PHOTO, true);
        tenant.dropPictureUrl = true;

        assertThat(service.sync(new SyncRequest("u6"))).isInstanceOf(SyncOutcome.VerificationFailed.class);
    }

    @Test
    void doesNotClaimSuccessWhenTheStoredFileDiffers() {
        tenant.add("u7", "w@contoso.com", false, PHOTO, true);
        tenant.corruptStoredFile = true;

        assertThat(service.sync(new SyncRequest("u7"))).isInstanceOfSatisfying(SyncOutcome.VerificationFailed.class,
                failed -> assertThat(failed.detail()).contains("differs"));
    }
}
