package io.photosync.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How a photo gets into a person's SharePoint profile and is checked there: with the person's
 * delegated rights ({@code SetMyProfilePicture}, falling back to app-only when the mode allows),
 * or app-only (the three renditions, then the picture properties); either way read back before
 * it counts as written. What SharePoint showed before is kept first ({@link PhotoKeeper}).
 */
final class SharePointWrites {

    static final String PICTURE_URL = "PictureURL";
    static final String PLACEHOLDER_STATE = "SPS-PicturePlaceholderState";
    static final String PICTURE_TIMESTAMP = "SPS-PictureTimestamp";
    /** Seconds from 0001-01-01 to 1970-01-01: SharePoint's picture timestamp counts from year 1. */
    private static final long DOTNET_EPOCH_OFFSET_SECONDS = 62_135_596_800L;

    private final ProfilePhotoStore sharePoint;
    private final OwnProfile ownProfile;
    private final PhotoKeeper keeper;
    private final PhotoRenderer renderer;
    private final SyncProperties properties;
    private final Clock clock;
    private final Together together;

    SharePointWrites(ProfilePhotoStore sharePoint, OwnProfile ownProfile, PhotoKeeper keeper, PhotoRenderer renderer,
                     SyncProperties properties, Clock clock, Together together) {
        this.sharePoint = sharePoint;
        this.ownProfile = ownProfile;
        this.keeper = keeper;
        this.renderer = renderer;
        this.properties = properties;
        this.clock = clock;
        this.together = together;
    }

    static SyncOutcome withKept(SyncOutcome outcome, String versionId) {
        return outcome instanceof SyncOutcome.Synced synced && versionId != null ? synced.kept(versionId) : outcome;
    }

    /**
     * {@code SetMyProfilePicture} with the person's rights, then {@code GetMyProperties} and the
     * file it names. A sign-in problem ends here ({@link SyncOutcome.SignInNeeded}): Teams signs
     * the person in again when they ask again. Throttling ends here too, to be retried. Any other
     * failure falls back to app-only when the mode allows, and the outcome says why.
     */
    SyncOutcome asThePerson(DirectoryUser user, byte[] upload, String etag, Supplier<SyncOutcome> appOnly) {
        return asThePerson(user, upload, etag, appOnly, null);
    }

    /** @param shown what SharePoint shows the person, read while the photo was (null: read now); kept just before the write */
    SyncOutcome asThePerson(DirectoryUser user, byte[] upload, String etag, Supplier<SyncOutcome> appOnly, CompletableFuture<KeptPhoto> shown) {
        String kept;
        SyncOutcome outcome;
        try {
            kept = shown == null ? keeper.beforeOwnWrite(user) : keeper.beforeOwnWrite(shown);
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
                WriteMode.DELEGATED, null, null, PhotoChange.SYNC);
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

    SyncOutcome appOnly(DirectoryUser user, SourcePhoto photo) {
        return appOnly(user, photo, null);
    }

    /** @param lookup the person's profile, already asked for while the photo was read (null: asked for now) */
    SyncOutcome appOnly(DirectoryUser user, SourcePhoto photo, CompletableFuture<Optional<ProfileSite>> lookup) {
        Renditions renditions = renderer.render(photo.bytes());
        Optional<ProfileSite> site = lookup == null ? sharePoint.profileOf(user) : Together.joined(lookup);
        if (site.isEmpty()) {
            return new SyncOutcome.NoSharePointProfile(user.userPrincipalName());
        }
        String kept = keeper.beforeAppOnlyWrite(user, site.get(), renditions.medium().jpeg());
        String pictureUrl = write(user, site.get(), renditions);
        return withKept(verify(user, site.get(), pictureUrl, renditions.medium(), photo.etag()), kept);
    }

    /**
     * The three files together, then the three properties together: {@code PictureURL} never names
     * a file before all three exist, and each step costs one round trip instead of three.
     */
    String write(DirectoryUser user, ProfileSite site, Renditions renditions) {
        String pictureUrl = together.all(() -> upload(user, site, renditions.medium()), () -> upload(user, site, renditions.small()),
                () -> upload(user, site, renditions.large())).get(0);
        String timestamp = pictureTimestamp();
        together.run(() -> sharePoint.setProfileProperty(user, PICTURE_URL, pictureUrl), () -> sharePoint.setProfileProperty(user, PLACEHOLDER_STATE, "0"),
                () -> sharePoint.setProfileProperty(user, PICTURE_TIMESTAMP, timestamp));
        return pictureUrl;
    }

    private String upload(DirectoryUser user, ProfileSite site, Rendition rendition) {
        return sharePoint.writeRendition(site, rendition.kind().fileName(user.objectId()), rendition.jpeg());
    }

    /** The properties and the file {@code PictureURL} should name, read back together. */
    SyncOutcome verify(DirectoryUser user, ProfileSite site, String pictureUrl, Rendition medium, String etag) {
        CompletableFuture<Optional<byte[]>> file = together.start(() -> sharePoint.readFile(site, pictureUrl));
        ProfilePicture picture;
        try {
            picture = sharePoint.readPicture(user);
        } finally {
            // Not left running when the properties cannot be read: its answer (or failure) is awaited either way.
            file.exceptionally(failure -> Optional.empty()).join();
        }
        if (!sameUrl(picture.pictureUrl(), pictureUrl)) {
            return new SyncOutcome.VerificationFailed("PictureURL is '" + picture.pictureUrl() + "', expected '" + pictureUrl + "'");
        }
        if (!"0".equals(picture.placeholderState())) {
            return new SyncOutcome.VerificationFailed("SPS-PicturePlaceholderState is '" + picture.placeholderState() + "', expected '0'");
        }
        String written = sha256(medium.jpeg());
        Optional<byte[]> stored = Together.joined(file);
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

    static SyncOutcome outcomeOf(RemoteServiceException e) {
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
