package io.photosync.sync;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The result of one sync, failures included. {@link #code()} is stable and names the outcome for
 * the layers that turn it into words (message keys) or into job states.
 */
public sealed interface SyncOutcome {

    /** A stable, kebab-case name of this outcome. */
    String code();

    /** What this outcome's sentences mention, in order: plain values, never a secret or a photo; every outcome says its own. */
    List<Object> mentions();

    /** Whether the same request may succeed if tried again later without anyone changing anything. */
    default boolean retryable() {
        return false;
    }

    /**
     * The photo was written and read back.
     *
     * @param pictureUrl the {@code PictureURL} SharePoint now reports
     * @param sourceEtag the source photo's change fingerprint
     * @param mediumSha256 hex SHA-256 of the medium rendition SharePoint holds (the one {@code PictureURL} names)
     * @param thumbnail the medium rendition, small enough to show in a card
     * @param largeSize the pixel size of the large rendition
     * @param mode how it was written
     * @param fallbackReason why the delegated write was not used when it was tried first; null otherwise
     * @param keptVersion the photo history version that holds what SharePoint showed before; null when nothing was kept
     * @param change what it wrote: the Microsoft 365 photo, a kept version (an undo), or a new photo (Microsoft 365 first)
     * @param previousEtag after a new photo, while Microsoft 365 still shows the photo it replaced: that photo's ETag ("" for
     *                     none), which the propagation watch waits to see change; null when Microsoft 365 shows what was written
     */
    record Synced(String pictureUrl, String sourceEtag, String mediumSha256, byte[] thumbnail, int largeSize,
                  WriteMode mode, String fallbackReason, String keptVersion, PhotoChange change, String previousEtag) implements SyncOutcome {

        /** Written app-only, with nothing tried before. */
        public Synced(String pictureUrl, String sourceEtag, String mediumSha256, byte[] thumbnail, int largeSize) {
            this(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, WriteMode.APP_ONLY, null, null, PhotoChange.SYNC);
        }

        public Synced(String pictureUrl, String sourceEtag, String mediumSha256, byte[] thumbnail, int largeSize,
                      WriteMode mode, String fallbackReason, String keptVersion, PhotoChange change) {
            this(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, mode, fallbackReason, keptVersion, change, null);
        }

        @Override
        public List<Object> mentions() {
            return Arrays.asList(largeSize);
        }

        public String code() {
            return change.code();
        }

        /** Whether this wrote back a kept version (an undo). */
        public boolean restored() {
            return change == PhotoChange.RESTORE;
        }

        Synced fellBackBecause(String reason) {
            return new Synced(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, mode, reason, keptVersion, change, previousEtag);
        }

        /** The same, with the version that holds what it replaced. */
        public Synced kept(String versionId) {
            return new Synced(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, mode, fallbackReason, versionId, change, previousEtag);
        }

        Synced as(PhotoChange what) {
            return new Synced(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, mode, fallbackReason, keptVersion, what, previousEtag);
        }

        /** A new photo Microsoft 365 does not show yet: it still shows the one with this ETag. */
        Synced waitingFor(String etag) {
            return new Synced(pictureUrl, sourceEtag, mediumSha256, thumbnail, largeSize, mode, fallbackReason, keptVersion, change,
                    etag == null ? "" : etag);
        }

        @Override
        public String toString() {
            return "Synced[pictureUrl=" + pictureUrl + ", sourceEtag=" + sourceEtag + ", mediumSha256=" + mediumSha256
                    + ", mode=" + mode + (fallbackReason == null ? "" : ", fallbackReason=" + fallbackReason)
                    + (keptVersion == null ? "" : ", keptVersion=" + keptVersion) + ", " + change
                    + (previousEtag == null ? "" : ", waiting for Microsoft 365 to leave " + previousEtag) + "]";
        }
    }

    /** Microsoft 365 refused to set the new photo: its photo policy does not let the person, or PhotoSync's photo permission lacks consent. */
    record PhotoChangeRefused(String said) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(said == null ? "" : said);
        }

        public String code() {
            return "photo-change-refused";
        }
    }

    /** Least privilege: nothing written; SharePoint pulls the photo when the person opens {@code link}; the picture as it was. */
    record PullRequested(String link, String pictureUrlBefore, String timestampBefore, String sourceEtag) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(link);
        }

        public String code() {
            return "pull-requested";
        }
    }

    /** "Use it" found no new photo: it expired, was cancelled or used already, or is someone else's. */
    record NewPhotoGone(String photoId) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(photoId == null ? "" : photoId);
        }

        public String code() {
            return "new-photo-gone";
        }
    }

    /** Undo found no kept version to write back: none was ever kept, it was pruned, or it is someone else's. */
    record NothingToRestore(String versionId) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(versionId == null ? "" : versionId);
        }

        public String code() {
            return "nothing-to-restore";
        }
    }

    /** The person's delegated sign-in is missing or was refused; they must ask again (Teams signs them in). */
    record SignInNeeded(String detail) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(detail);
        }

        public String code() {
            return "sign-in-needed";
        }
    }

    /** The directory has no such user. */
    record UserNotFound(String objectId) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(objectId);
        }

        public String code() {
            return "user-not-found";
        }
    }

    /** The user is a guest; guests are skipped unless configured otherwise. */
    record GuestNotSupported(String userPrincipalName) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(userPrincipalName);
        }

        public String code() {
            return "guest";
        }
    }

    /** The user has no photo in Microsoft 365. */
    record NoSourcePhoto() implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return List.of();
        }

        public String code() {
            return "no-source-photo";
        }
    }

    /** The source photo cannot be used (too large, not an image, damaged). */
    record UnusableSourcePhoto(PhotoRejected.Reason reason) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(reason);
        }

        public String code() {
            return "unusable-source-photo";
        }
    }

    /** SharePoint has no user profile for the user yet (it creates one on first sign-in). */
    record NoSharePointProfile(String userPrincipalName) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(userPrincipalName);
        }

        public String code() {
            return "no-sharepoint-profile";
        }
    }

    /** A permission or credential is missing; {@code detail} says which, for the admin. */
    record PermissionMissing(String detail) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(detail);
        }

        public String code() {
            return "permission-missing";
        }
    }

    /** SharePoint refused PhotoSync's own access to one call: {@code needs} is not granted, or refused for user profiles. */
    record AccessRefused(String call, String host, String needs, String said) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(call, host, needs, said);
        }

        public String code() {
            return "access-refused";
        }
    }

    /** SharePoint refuses app-only tokens obtained with a client secret: PhotoSync must sign in with a certificate. */
    record CertificateRequired(String host) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(host);
        }

        public String code() {
            return "certificate-required";
        }
    }

    /** Microsoft asked us to slow down and kept asking; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        }

        public String code() {
            return "throttled";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Everything was written, but reading it back did not show what we wrote. */
    record VerificationFailed(String detail) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(detail);
        }

        public String code() {
            return "verification-failed";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Anything else; {@code detail} is for the helpdesk. */
    record Failed(String detail, boolean retryable) implements SyncOutcome {
        @Override
        public List<Object> mentions() {
            return Arrays.asList(detail);
        }

        public String code() {
            return "failed";
        }
    }
}
