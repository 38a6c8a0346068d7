package io.photosync.sync;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Copies a user's Microsoft 365 photo into their SharePoint profile: read the source, render,
 * keep what SharePoint showed ({@link PhotoVersions}), write, read back, and only then report
 * success. An undo writes a kept version back the same way, keeping what it replaces in turn; a
 * new photo someone sent is set in Microsoft 365 first, with their own rights, then the same way.
 * A person's own request writes with their delegated rights ({@code SetMyProfilePicture}) when
 * {@link SyncProperties#selfMode()} says so; everything else, and the fallback, writes app-only:
 * the three renditions and the picture properties.
 */
public final class PhotoSyncService {

    /** The most bytes of a photo PhotoSync reads, from Microsoft 365 or from a person who sent one. */
    public static final int MAX_SOURCE_BYTES = PhotoRenderer.MAX_BYTES;


    private final Directory directory;
    private final PhotoSource photos;
    private final ProfilePhotoStore sharePoint;
    private final PhotoRenderer renderer;
    private final PhotoVersions versions;
    private final PhotoKeeper keeper;
    private final NewPhotos newPhotos;
    private final PhotoWriter writer;
    private final SyncProperties properties;
    private final SharePointWrites writes;
    private final Together together;

    public PhotoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint, OwnProfile ownProfile,
                            SyncProperties properties, Clock clock) {
        this(directory, photos, sharePoint, ownProfile, PhotoVersions.NONE, NewPhotos.NONE, null, properties, clock, Runnable::run);
    }

    /**
     * @param newPhotos photos people sent, waiting to be used
     * @param writer where a new photo is set in Microsoft 365
     * @param reads where independent reads go out together (a bounded pool shared by every sync)
     */
    public PhotoSyncService(Directory directory, PhotoSource photos, ProfilePhotoStore sharePoint, OwnProfile ownProfile,
                            PhotoVersions versions, NewPhotos newPhotos, PhotoWriter writer, SyncProperties properties, Clock clock,
                            Executor reads) {
        this.versions = versions;
        this.newPhotos = newPhotos;
        this.writer = writer;
        this.keeper = new PhotoKeeper(versions, sharePoint, ownProfile, clock, reads);
        this.directory = directory;
        this.photos = photos;
        this.sharePoint = sharePoint;
        this.renderer = new PhotoRenderer(properties.largeSize());
        this.properties = properties;
        this.together = new Together(reads);
        this.writes = new SharePointWrites(sharePoint, ownProfile, keeper, renderer, properties, clock, together);
    }

    /**
     * An image someone sent, made ready for Microsoft 365 (its centre square, at most 648 pixels);
     * throws {@link PhotoRejected} when it is too large, not an image, or damaged.
     */
    public PreparedPhoto prepare(byte[] image) {
        return renderer.prepare(image);
    }

    /** Syncs the photo of the request's subject and says how it went; never throws for a remote fault. */
    public SyncOutcome sync(SyncRequest request) {
        boolean delegated = request.ownRequest() && properties.selfMode().needsSignIn();
        try {
            if (request.newPhoto() != null) {
                return changeUser(request.subjectId(), request.newPhoto(), request.ownRequest(), delegated);
            }
            return request.restoreVersion() == null ? syncUser(request.subjectId(), delegated)
                    : restoreUser(request.subjectId(), request.restoreVersion(), delegated);
        } catch (RemoteServiceException e) {
            return SharePointWrites.outcomeOf(e);
        } catch (PhotoRejected e) {
            return new SyncOutcome.UnusableSourcePhoto(e.reason());
        }
    }

    /**
     * The person is looked up while their photo is read (it needs only their object id); what
     * SharePoint shows them (kept before a delegated write) or, app-only, their profile is asked
     * for as soon as the lookup answers, so the photo's read and rendering overlap it.
     */
    private SyncOutcome syncUser(String objectId, boolean delegated) {
        if (pullsOnly()) {
            Optional<DirectoryUser> found = directory.findUser(objectId);
            if (usable(found).isEmpty()) {
                return refusal(objectId, found);
            }
            Optional<String> etag = photos.etagOf(objectId);
            return etag.isEmpty() ? new SyncOutcome.NoSourcePhoto() : askToPull(found.get(), etag.get());
        }
        CompletableFuture<Optional<DirectoryUser>> lookup = together.start(() -> directory.findUser(objectId));
        CompletableFuture<KeptPhoto> shown = delegated ? lookup.thenCompose(found -> usable(found).map(keeper::startReadingOwn)
                .orElse(CompletableFuture.completedFuture(null))) : null;
        CompletableFuture<Optional<ProfileSite>> profile = delegated ? null : lookup.thenCompose(found -> usable(found)
                .map(user -> together.start(() -> sharePoint.profileOf(user))).orElse(CompletableFuture.completedFuture(Optional.empty())));
        Optional<SourcePhoto> photo;
        try {
            photo = photos.photoOf(objectId);
        } catch (RuntimeException e) {
            // A failed photo read waits for the rest (nothing of this sync is left running); someone
            // unknown or a guest is said to be that, as when the lookup went first.
            Stream.of(lookup, shown, profile).filter(Objects::nonNull).forEach(call -> call.exceptionally(failure -> null).join());
            if (!lookup.isCompletedExceptionally() && usable(lookup.join()).isEmpty()) {
                return refusal(objectId, lookup.join());
            }
            throw e;
        }
        Optional<DirectoryUser> found = Together.joined(lookup);
        if (usable(found).isEmpty()) {
            return refusal(objectId, found);
        }
        DirectoryUser user = found.get();
        if (photo.isEmpty()) {
            return new SyncOutcome.NoSourcePhoto();
        }
        if (delegated) {
            return writes.asThePerson(user, renderer.forUpload(photo.get().bytes()), photo.get().etag(), () -> writes.appOnly(user, photo.get()),
                    shown);
        }
        return writes.appOnly(user, photo.get(), profile);
    }

    /** The person, when PhotoSync syncs them: found, and a member (or guests are included). */
    private Optional<DirectoryUser> usable(Optional<DirectoryUser> found) {
        return found.filter(user -> !user.guest() || properties.includeGuests());
    }

    private static SyncOutcome refusal(String objectId, Optional<DirectoryUser> found) {
        return found.isEmpty() ? new SyncOutcome.UserNotFound(objectId) : new SyncOutcome.GuestNotSupported(found.get().userPrincipalName());
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
        if (pullsOnly()) {
            return new SyncOutcome.Failed("an undo writes SharePoint, which PhotoSync does not do in native-trigger mode", false);
        }
        String etag = currentEtag(user);
        SyncOutcome outcome = delegated && kept.hadPicture()
                ? writes.asThePerson(user, kept.largest(), etag, () -> restoreAppOnly(user, kept, etag))
                : restoreAppOnly(user, kept, etag);
        return outcome instanceof SyncOutcome.Synced synced ? synced.as(PhotoChange.RESTORE) : outcome;
    }

    /**
     * A new photo: set in Microsoft 365 with the person's own rights when it is their own (their
     * tenant's photo policy applies), with PhotoSync's application permission when the helpdesk
     * sent it; then written to SharePoint from the same bytes, since Graph may not show the new
     * photo everywhere yet, and verified like a sync. The ETag Microsoft 365 reports afterwards is
     * recorded, so a scan sees the new photo as current. The photo is forgotten once it is set.
     */
    private SyncOutcome changeUser(String objectId, String newPhotoId, boolean own, boolean delegated) {
        Optional<DirectoryUser> found = directory.findUser(objectId);
        if (found.isEmpty()) {
            return new SyncOutcome.UserNotFound(objectId);
        }
        DirectoryUser user = found.get();
        Optional<NewPhoto> photo = newPhotos.find(newPhotoId).filter(sent -> sent.subjectId().equalsIgnoreCase(user.objectId()));
        if (photo.isEmpty()) {
            return new SyncOutcome.NewPhotoGone(newPhotoId);
        }
        byte[] jpeg = photo.get().jpeg();
        // Approved, it is written with PhotoSync's own permission: the person's sign-in has likely expired meanwhile.
        boolean asPerson = own && photo.get().approvedBy() == null;
        boolean pullsOnly = pullsOnly();
        // What Microsoft 365 showed before, to tell when it shows the new one; SharePoint's own pull needs no such mark.
        String before = pullsOnly ? null : currentEtag(user);
        try {
            if (asPerson) {
                writer.setOwnPhoto(user, jpeg);
            } else {
                writer.setPhotoAppOnly(user, jpeg);
            }
        } catch (RefusedCall refused) {
            return new SyncOutcome.PhotoChangeRefused(refused.said());
        } catch (RemoteServiceException e) {
            return e.kind() == RemoteServiceException.Kind.UNAUTHENTICATED ? new SyncOutcome.SignInNeeded(e.getMessage()) : SharePointWrites.outcomeOf(e);
        }
        if (pullsOnly) {
            newPhotos.discard(newPhotoId);
            return askToPull(user, currentEtag(user));
        }
        String after = currentEtag(user);
        // Graph answers the update before it shows everywhere: its photo may still be the old one for a while.
        boolean shown = after != null && !after.equals(before);
        SourcePhoto written = new SourcePhoto(jpeg, shown ? after : "");
        SyncOutcome outcome = delegated && asPerson ? writes.asThePerson(user, jpeg, written.etag(), () -> writes.appOnly(user, written)) : writes.appOnly(user, written);
        if (outcome instanceof SyncOutcome.Synced synced) {
            newPhotos.discard(newPhotoId);
            return shown ? synced.as(PhotoChange.NEW_PHOTO) : synced.as(PhotoChange.NEW_PHOTO).waitingFor(before);
        }
        return outcome;
    }

    /** Least privilege: SharePoint's picture now, and the link that makes SharePoint pull the photo itself. */
    private SyncOutcome askToPull(DirectoryUser user, String etag) {
        Optional<ProfileSite> site = sharePoint.profileOf(user);
        if (site.isEmpty()) {
            return new SyncOutcome.NoSharePointProfile(user.userPrincipalName());
        }
        ProfilePicture picture = site.get().picture();
        return new SyncOutcome.PullRequested(sharePoint.pullLink(user), picture.pictureUrl(), picture.timestamp(), etag);
    }

    /** Whether SharePoint is only asked to pull: by configuration, or because PhotoSync may not write it. */
    private boolean pullsOnly() {
        return switch (properties.mode()) {
            case WRITE -> false;
            case NATIVE_TRIGGER -> true;
            case AUTO -> !sharePoint.writesProfiles();
        };
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
            sharePoint.setProfileProperty(user, SharePointWrites.PICTURE_URL, "");
            sharePoint.setProfileProperty(user, SharePointWrites.PLACEHOLDER_STATE, placeholder == null || "0".equals(placeholder) ? "1" : placeholder);
            ProfilePicture now = sharePoint.readPicture(user);
            if (now.isSet()) {
                return new SyncOutcome.VerificationFailed("PictureURL is '" + now.pictureUrl() + "' after restoring no photo");
            }
            return new SyncOutcome.Synced("", etag, null, null, properties.largeSize(), WriteMode.APP_ONLY, null, keptNow,
                    PhotoChange.RESTORE);
        }
        Renditions renditions = renditionsOf(kept);
        String keptNow = keeper.beforeAppOnlyWrite(user, site.get(), renditions.medium().jpeg());
        String pictureUrl = writes.write(user, site.get(), renditions);
        return SharePointWrites.withKept(writes.verify(user, site.get(), pictureUrl, renditions.medium(), etag), keptNow);
    }

    /** The kept files as renditions; when one is missing (a picture SharePoint made itself), all three drawn again from the largest. */
    private Renditions renditionsOf(KeptPhoto kept) {
        if (kept.small() == null || kept.medium() == null || kept.large() == null) {
            return renderer.render(kept.largest());
        }
        return new Renditions(new Rendition(Rendition.Kind.SMALL, 0, kept.small()), new Rendition(Rendition.Kind.LARGE, 0, kept.large()),
                new Rendition(Rendition.Kind.MEDIUM, 0, kept.medium()));
    }

}
