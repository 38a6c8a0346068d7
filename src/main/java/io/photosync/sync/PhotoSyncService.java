package io.photosync.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Copies a user's Microsoft 365 photo into their SharePoint profile: read the source, render,
 * keep what SharePoint showed ({@link PhotoVersions}), write, read back, and only then report
 * success. An undo writes a kept version back the same way, keeping what it replaces in turn.
 * A person's own request writes with their delegated rights ({@code SetMyProfilePicture}) when
 * {@link SyncProperties#selfMode()} says so; everything else, and the fallback, writes app-only:
 * the three renditions and the picture properties.
 */
public final class PhotoSyncService {

    static final String PICTURE_URL = "PictureURL";
    static final String PLACEHOLDER_STATE = "SPS-PicturePlaceholderState";
    static final String PICTURE_TIMESTAMP = "SPS-PictureTimestamp";
    /** Seconds from 0001-01-01 to 1970-01-01: SharePoint's picture timestamp counts from year 1. */
    private static final long DOTNET_EPOCH_OFFSET_SECONDS = 62_135_596_800L;

    private final Directory directory;
    private final PhotoSource photos;
    private final ProfilePhotoStore sharePoint;
    private final OwnProfile ownProfile;
    private final PhotoRenderer renderer;
    private final PhotoVersions versions;
    private final PhotoKeeper keeper;
    private final SyncProperties properties;
    private final Clock clock;

    public PhotoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint, OwnProfile ownProfile,
                            SyncProperties properties, Clock clock) {
        this(directory, photos, sharePoint, ownProfile, PhotoVersions.NONE, properties, clock, Runnable::run);
    }

    /** @param reads where independent reads go out together (a bounded pool shared by every sync) */
    public PhotoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint, OwnProfile ownProfile,
                            PhotoVersions versions, SyncProperties properties, Clock clock, Executor reads) {
        this.versions = versions;
        this.keeper = new PhotoKeeper(versions, sharePoint, ownProfile, clock, reads);
        this.directory = directory;
        this.photos = photos;
        this.sharePoint = sharePoint;
        this.ownProfile = ownProfile;
        this.renderer = new PhotoRenderer(properties.largeSize());
        this.properties = properties;
        this.clock = clock;
    }

    /** Syncs the photo of the request's subject and says how it went; never throws for a remote fault. */
    public SyncOutcome sync(SyncRequest request) {
        boolean delegated = request.ownRequest() && properties.selfMode().needsSignIn();
        try {
            return request.restoreVersion() == null ? syncUser(request.subjectId(), delegated)
                    : restoreUser(request.subjectId(), request.restoreVersion(), delegated);
        } catch (RemoteServiceException e) {
            return outcomeOf(e);
        } catch (PhotoRejected e) {
            return new SyncOutcome.UnusableSourcePhoto(e.reason());
        }
    }

    private SyncOutcome syncUser(String objectId, boolean delegated) {
        Optional<DirectoryUser> found = directory.findUser(objectId);
        if (found.isEmpty()) {
            return new SyncOutcome.UserNotFound(objectId);
        }
        DirectoryUser user = found.get();
        if (user.guest() && !properties.includeGuests()) {
            return new SyncOutcome.GuestNotSupported(user.userPrincipalName());
        }
        Optional<SourcePhoto> photo = photos.photoOf(user.objectId());
        if (photo.isEmpty()) {
            return new SyncOutcome.NoSourcePhoto();
        }
        if (delegated) {
            return asThePerson(user, renderer.forUpload(photo.get().bytes()), photo.get().etag(), () -> appOnly(user, photo.get()));
        }
        return appOnly(user, photo.get());
    }

    /**
     * Writes a kept version back: the files and properties as they were (app-only), or its largest
     * file through {@code SetMyProfilePicture} when the person asked for their own and the mode is
     * delegated. "No photo" is written back app-only. The Microsoft 365 photo's ETag is recorded
     * as dealt with, so a scan does not sync over the undo until that photo changes.
     */
    private SyncOutcome restoreUser(String objectId, String versionId, boolean delegated) {
        Optional<DirectoryUser> found = directory.findUser(objectId);
        if (found.isEmpty()) {
            return new SyncOutcome.UserNotFound(objectId);
        }
        DirectoryUser user = found.get();
        Optional<KeptPhoto> version = versions.find(versionId).filter(kept -> kept.subjectId().equalsIgnoreCase(user.objectId()));
        if (version.isEmpty()) {
            return new SyncOutcome.NothingToRestore(versionId);
        }
        KeptPhoto kept = version.get();
        String etag = currentEtag(user);
        SyncOutcome outcome = delegated && kept.hadPicture()
                ? asThePerson(user, kept.largest(), etag, () -> restoreAppOnly(user, kept, etag))
                : restoreAppOnly(user, kept, etag);
        return outcome instanceof SyncOutcome.Synced synced ? synced.asRestore() : outcome;
    }

    /** The Microsoft 365 photo's ETag now; an undo does not wait for Microsoft 365 to answer. */
    private String currentEtag(DirectoryUser user) {
        try {
            return photos.etagOf(user.objectId()).orElse(null);
        } catch (RemoteServiceException | PhotoRejected e) {
            return null;
        }
    }

    private SyncOutcome restoreAppOnly(DirectoryUser user, KeptPhoto kept, String etag) {
        Optional<ProfileSite> site = sharePoint.profileOf(user);
        if (site.isEmpty()) {
            return new SyncOutcome.NoSharePointProfile(user.userPrincipalName());
        }
        if (!kept.hadPicture()) {
            String keptNow = keeper.beforeAppOnlyWrite(user, site.get(), null);
            // The placeholder as it was; "0" (or nothing) would claim a picture that is not there.
            String placeholder = kept.picture().placeholderState();
            sharePoint.setProfileProperty(user, PICTURE_URL, "");
            sharePoint.setProfileProperty(user, PLACEHOLDER_STATE, placeholder == null || "0".equals(placeholder) ? "1" : placeholder);
            ProfilePicture now = sharePoint.readPicture(user);
            if (now.isSet()) {
                return new SyncOutcome.VerificationFailed("PictureURL is '" + now.pictureUrl() + "' after restoring no photo");
            }
            return new SyncOutcome.Synced("", etag, null, null, properties.largeSize(), SyncOutcome.WriteMode.APP_ONLY, null, keptNow, true);
        }
        Renditions renditions = renditionsOf(kept);
        String keptNow = keeper.beforeAppOnlyWrite(user, site.get(), renditions.medium().jpeg());
        String pictureUrl = write(user, site.get(), renditions);
        return withKept(verify(user, site.get(), pictureUrl, renditions.medium(), etag), keptNow);
    }

    /** The kept files as renditions; when one is missing (a picture SharePoint made itself), all three drawn again from the largest. */
    private Renditions renditionsOf(KeptPhoto kept) {
        if (kept.small() == null || kept.medium() == null || kept.large() == null) {
            return renderer.render(kept.largest());
        }
        return new Renditions(new Rendition(Rendition.Kind.SMALL, 0, kept.small()), new Rendition(Rendition.Kind.LARGE, 0, kept.large()),
                new Rendition(Rendition.Kind.MEDIUM, 0, kept.medium()));
    }

    private static SyncOutcome withKept(SyncOutcome outcome, String versionId) {
        return outcome instanceof SyncOutcome.Synced synced && versionId != null ? synced.kept(versionId) : outcome;
    }

    /**
     * {@code SetMyProfilePicture} with the person's rights, then {@code GetMyProperties} and the
     * file it names. A sign-in problem ends here ({@link SyncOutcome.SignInNeeded}): Teams signs
     * the person in again when they ask again. Throttling ends here too, to be retried. Any other
     * failure falls back to app-only when the mode allows, and the outcome says why.
     */
    private SyncOutcome asThePerson(DirectoryUser user, byte[] upload, String etag, Supplier<SyncOutcome> appOnly) {
        String kept;
        SyncOutcome outcome;
        try {
            kept = keeper.beforeOwnWrite(user);
            ownProfile.setMyPicture(user, upload);
            outcome = withKept(verifyOwn(user, etag), kept);
        } catch (RemoteServiceException e) {
            if (e.kind() == RemoteServiceException.Kind.UNAUTHENTICATED) {
                return new SyncOutcome.SignInNeeded(e.getMessage());
            }
            if (e.kind() == RemoteServiceException.Kind.THROTTLED) {
                return outcomeOf(e);
            }
            outcome = outcomeOf(e);
        }
        if (outcome instanceof SyncOutcome.Synced || properties.selfMode() != SyncProperties.SelfMode.DELEGATED_THEN_APP_ONLY) {
            return outcome;
        }
        SyncOutcome fallback = appOnly.get();
        String reason = outcome.code() + ": " + detailOf(outcome);
        return fallback instanceof SyncOutcome.Synced synced ? synced.fellBackBecause(reason) : fallback;
    }

    private SyncOutcome verifyOwn(DirectoryUser user, String etag) {
        ProfilePicture picture = ownProfile.myPicture(user);
        if (picture.pictureUrl() == null || picture.pictureUrl().isBlank()) {
            return new SyncOutcome.VerificationFailed("PictureURL is empty after SetMyProfilePicture");
        }
        if (!"0".equals(picture.placeholderState())) {
            return new SyncOutcome.VerificationFailed("SPS-PicturePlaceholderState is '" + picture.placeholderState() + "', expected '0'");
        }
        String pictureUrl = picture.fileUrl();
        Optional<byte[]> medium = ownProfile.readFile(user, pictureUrl);
        if (medium.isEmpty()) {
            return new SyncOutcome.VerificationFailed("PictureURL names a file that does not exist: " + pictureUrl);
        }
        return new SyncOutcome.Synced(pictureUrl, etag, sha256(medium.get()), medium.get(), properties.largeSize(),
                SyncOutcome.WriteMode.DELEGATED, null, null, false);
    }

    private static String detailOf(SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.VerificationFailed failed) {
            return failed.detail();
        } else if (outcome instanceof SyncOutcome.PermissionMissing missing) {
            return missing.detail();
        } else if (outcome instanceof SyncOutcome.AccessRefused refused) {
            return refused.call() + " on " + refused.host() + ": " + refused.said();
        } else if (outcome instanceof SyncOutcome.Failed failed) {
            return failed.detail();
        }
        return outcome.toString();
    }

    private SyncOutcome appOnly(DirectoryUser user, SourcePhoto photo) {
        Renditions renditions = renderer.render(photo.bytes());
        Optional<ProfileSite> site = sharePoint.profileOf(user);
        if (site.isEmpty()) {
            return new SyncOutcome.NoSharePointProfile(user.userPrincipalName());
        }
        String kept = keeper.beforeAppOnlyWrite(user, site.get(), renditions.medium().jpeg());
        String pictureUrl = write(user, site.get(), renditions);
        return withKept(verify(user, site.get(), pictureUrl, renditions.medium(), photo.etag()), kept);
    }

    private String write(DirectoryUser user, ProfileSite site, Renditions renditions) {
        String pictureUrl = null;
        for (Rendition rendition : renditions.inWriteOrder()) {
            pictureUrl = sharePoint.writeRendition(site, rendition.kind().fileName(user.objectId()), rendition.jpeg());
        }
        sharePoint.setProfileProperty(user, PICTURE_URL, pictureUrl);
        sharePoint.setProfileProperty(user, PLACEHOLDER_STATE, "0");
        sharePoint.setProfileProperty(user, PICTURE_TIMESTAMP, pictureTimestamp());
        return pictureUrl;
    }

    private SyncOutcome verify(DirectoryUser user, ProfileSite site, String pictureUrl, Rendition medium, String etag) {
        ProfilePicture picture = sharePoint.readPicture(user);
        if (!sameUrl(picture.pictureUrl(), pictureUrl)) {
            return new SyncOutcome.VerificationFailed("PictureURL is '" + picture.pictureUrl() + "', expected '" + pictureUrl + "'");
        }
        if (!"0".equals(picture.placeholderState())) {
            return new SyncOutcome.VerificationFailed("SPS-PicturePlaceholderState is '" + picture.placeholderState() + "', expected '0'");
        }
        String written = sha256(medium.jpeg());
        Optional<byte[]> stored = sharePoint.readFile(site, pictureUrl);
        if (stored.isEmpty() || !written.equals(sha256(stored.get()))) {
            return new SyncOutcome.VerificationFailed(stored.isEmpty() ? "medium rendition is missing" : "medium rendition differs from what was written");
        }
        return new SyncOutcome.Synced(pictureUrl, etag, written, medium.jpeg(), properties.largeSize());
    }

    /** SharePoint may answer with an explicit default port; the URLs are the same. */
    private static boolean sameUrl(String reported, String expected) {
        return reported != null && reported.replaceFirst("^(https://[^/:]+):443/", "$1/").equalsIgnoreCase(expected);
    }

    private String pictureTimestamp() {
        return Long.toString(clock.instant().getEpochSecond() + DOTNET_EPOCH_OFFSET_SECONDS);
    }

    private static SyncOutcome outcomeOf(RemoteServiceException e) {
        if (e instanceof RefusedCall refused) {
            return RefusedCall.CERTIFICATE.equals(refused.needs()) ? new SyncOutcome.CertificateRequired(refused.host())
                    : new SyncOutcome.AccessRefused(refused.call(), refused.host(), refused.needs(), refused.said());
        }
        return switch (e.kind()) {
            case THROTTLED -> new SyncOutcome.Throttled(e.retryAfter().orElse(Duration.ofMinutes(1)));
            case PERMISSION_DENIED, UNAUTHENTICATED -> new SyncOutcome.PermissionMissing(e.getMessage());
            case UNAVAILABLE -> new SyncOutcome.Failed(e.getMessage(), true);
            case REJECTED -> new SyncOutcome.Failed(e.getMessage(), false);
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
