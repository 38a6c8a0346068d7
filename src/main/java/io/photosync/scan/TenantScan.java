package io.photosync.scan;

import io.photosync.sync.DirectoryUser;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.ProfileSite;
import io.photosync.sync.SyncHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every enabled member whose SharePoint photo is missing or stale. Photo metadata comes from
 * Graph 20 people per {@code $batch}; SharePoint is read only for people whose photo's ETag differs
 * from the one the last successful sync recorded, or who have no record — everyone else is
 * {@link ScanClass#CURRENT} without a SharePoint call. Resumable: the page cursor is saved after
 * each page, and a page seen twice replaces its findings.
 */
public final class TenantScan {

    private final TenantDirectory directory;
    private final ProfilePhotoStore sharePoint;
    private final SyncHistory history;
    private final ScanStore store;

    public TenantScan(TenantDirectory directory, ProfilePhotoStore sharePoint, SyncHistory history, ScanStore store) {
        this.directory = directory;
        this.sharePoint = sharePoint;
        this.history = history;
        this.store = store;
    }

    /** Runs (or resumes) the scan {@code runId} to its end. */
    public void run(String runId) {
        Optional<String> cursor = store.cursor(runId);
        TenantDirectory.MemberPage page = directory.enabledMembers(cursor.orElse(null));
        while (true) {
            examine(runId, page.members());
            store.pageDone(runId, page.next());
            if (page.next() == null) {
                return;
            }
            page = directory.enabledMembers(page.next());
        }
    }

    private void examine(String runId, List<DirectoryUser> members) {
        for (int from = 0; from < members.size(); from += TenantDirectory.BATCH) {
            List<DirectoryUser> batch = members.subList(from, Math.min(members.size(), from + TenantDirectory.BATCH));
            List<String> ids = new ArrayList<>(batch.size());
            batch.forEach(user -> ids.add(user.objectId()));
            Map<String, TenantDirectory.PhotoMetadata> photos = directory.photoMetadata(ids);
            for (DirectoryUser user : batch) {
                store.save(classify(runId, user, photos.get(user.objectId())));
            }
        }
    }

    private ScanStore.Finding classify(String runId, DirectoryUser user, TenantDirectory.PhotoMetadata photo) {
        boolean source = photo != null && photo.present();
        Optional<String> synced = history.lastSyncedEtag(user.objectId());
        if (source && synced.isPresent() && synced.get().equals(photo.etag())) {
            return new ScanStore.Finding(runId, user, ScanClass.CURRENT, null);
        }
        Optional<ProfileSite> site = sharePoint.profileOf(user);
        if (site.isEmpty()) {
            return new ScanStore.Finding(runId, user, ScanClass.SKIPPED, "no SharePoint profile yet");
        }
        ProfilePicture picture = site.get().picture();
        boolean named = picture.pictureUrl() != null && !picture.pictureUrl().isBlank();
        boolean fileThere = named && sharePoint.readFile(site.get(), picture.fileUrl()).isPresent();
        boolean shown = fileThere && "0".equals(picture.placeholderState());
        if (source) {
            if (!shown) {
                String why = !named ? "no PictureURL" : !fileThere ? "PictureURL names a missing file" : "the placeholder is shown";
                return new ScanStore.Finding(runId, user, ScanClass.MISSING, why);
            }
            return new ScanStore.Finding(runId, user, ScanClass.STALE, synced.isPresent() ? "photo changed since the last sync" : "never synced by PhotoSync");
        }
        return new ScanStore.Finding(runId, user, shown ? ScanClass.ORPHANED : ScanClass.NO_SOURCE_PHOTO, null);
    }
}
