package io.photosync.sync;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Keeps what SharePoint shows of a person just before a write replaces it ({@link PhotoVersions}):
 * the picture properties and the three rendition files beside the one {@code PictureURL} names,
 * read app-only or, before a delegated write, as the person.
 */
final class PhotoKeeper {

    private final PhotoVersions versions;
    private final ProfilePhotoStore sharePoint;
    private final OwnProfile ownProfile;
    private final Clock clock;
    private final Together together;

    /** @param reads where the three rendition files are read at once (a bounded pool; {@code Runnable::run} reads them in turn) */
    PhotoKeeper(PhotoVersions versions, ProfilePhotoStore sharePoint, OwnProfile ownProfile, Clock clock, Executor reads) {
        this.together = new Together(reads);
        this.versions = versions;
        this.sharePoint = sharePoint;
        this.ownProfile = ownProfile;
        this.clock = clock;
    }

    /**
     * Keeps what SharePoint shows before an app-only write, unless it is byte for byte what is
     * about to be written (then nothing changes and nothing is worth keeping); the version id, or
     * null when nothing was kept.
     */
    String beforeAppOnlyWrite(DirectoryUser user, ProfileSite site, byte[] nextMedium) {
        if (!versions.keeping()) {
            return null;
        }
        return keep(Together.joined(shown(user, site.picture(), url -> sharePoint.readFile(site, url), nextMedium)));
    }

    /** The same before a delegated write, read as the person (SharePoint's own renditions included). */
    String beforeOwnWrite(DirectoryUser user) {
        return beforeOwnWrite(startReadingOwn(user));
    }

    /** The same, from what {@link #startReadingOwn} read: kept only now, just before the write (a sync that writes nothing keeps nothing). */
    String beforeOwnWrite(CompletableFuture<KeptPhoto> reading) {
        return keep(Together.joined(reading));
    }

    /**
     * Starts reading what SharePoint shows the person, on the pool: their picture properties, then
     * the three files they name. Nothing waits on the pool meanwhile: each step starts when the one
     * before has answered. Null (at once) when nothing is kept.
     */
    CompletableFuture<KeptPhoto> startReadingOwn(DirectoryUser user) {
        if (!versions.keeping()) {
            return CompletableFuture.completedFuture(null);
        }
        return together.start(() -> ownProfile.myPicture(user)).thenCompose(picture -> shown(user, picture, url -> ownProfile.readFile(user, url), null));
    }

    private String keep(KeptPhoto shown) {
        return shown == null ? null : versions.keep(shown);
    }

    /**
     * What SharePoint shows, as a version to keep (null when it is {@code nextMedium} already). The
     * three files are independent reads: they go out together, so keeping costs one round trip, not three.
     */
    private CompletableFuture<KeptPhoto> shown(DirectoryUser user, ProfilePicture picture, Function<String, Optional<byte[]>> files, byte[] nextMedium) {
        if (!picture.isSet()) {
            return CompletableFuture.completedFuture(new KeptPhoto(null, user.objectId(), clock.instant(), picture, null, null, null));
        }
        CompletableFuture<byte[]> medium = read(files, Optional.of(picture.fileUrl()));
        CompletableFuture<byte[]> small = read(files, sibling(picture.fileUrl(), Rendition.Kind.SMALL));
        CompletableFuture<byte[]> large = read(files, sibling(picture.fileUrl(), Rendition.Kind.LARGE));
        return CompletableFuture.allOf(medium, small, large).thenApply(read -> {
            byte[] shown = medium.join();
            if (shown != null && Arrays.equals(shown, nextMedium)) {
                return null;
            }
            return new KeptPhoto(null, user.objectId(), clock.instant(), picture, small.join(), shown, large.join());
        });
    }

    private CompletableFuture<byte[]> read(Function<String, Optional<byte[]>> files, Optional<String> url) {
        return url.isEmpty() ? CompletableFuture.completedFuture(null) : together.start(() -> files.apply(url.get()).orElse(null));
    }

    /** The URL of another rendition beside the medium one {@code PictureURL} names; empty when it names some other file. */
    private static Optional<String> sibling(String mediumUrl, Rendition.Kind kind) {
        String suffix = Rendition.Kind.MEDIUM.fileName("");
        if (mediumUrl == null || !mediumUrl.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(mediumUrl.substring(0, mediumUrl.length() - suffix.length()) + kind.fileName(""));
    }
}
