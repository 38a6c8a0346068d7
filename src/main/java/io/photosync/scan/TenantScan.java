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
 * Graph 20 people per {@code $batch}, the last syncs' ETags from the audit log one query per batch;
 * SharePoint is read only for people with no sync record (or no photo any more) — a recorded ETag
 * makes a person {@link ScanClass#CURRENT} or {@link ScanClass#STALE} without a SharePoint call. Resumable: the page cursor is saved after
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
            Map<String, String> synced = history.lastSyncedEtags(ids);
            List<ScanStore.Finding> findings = new ArrayList<>(batch.size());
            for (DirectoryUser user : batch) {
                findings.add(classify(runId, user, photos.get(user.objectId()), Optional.ofNullable(synced.get(user.objectId()))));
            }
            store.save(findings);
        }
    }

    /**
     * A recorded sync says what SharePoint was given: the same ETag now is current, another one is
     * stale, both without asking SharePoint. Only people never synced (or whose photo is gone) are
     * read there, to tell a missing photo from an old one.
     */
    private ScanStore.Finding classify(String runId, DirectoryUser user, TenantDirectory.PhotoMetadata photo, Optional<String> synced) {
        boolean source = photo != null && photo.present();
        if (source && synced.isPresent()) {
            return synced.get().equals(photo.etag()) ? new ScanStore.Finding(runId, user, ScanClass.CURRENT, null)
                    : new ScanStore.Finding(runId, user, ScanClass.STALE, "photo changed since the last sync");
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
            return new ScanStore.Finding(runId, user, ScanClass.STALE, "never synced by PhotoSync");
        }
        return new ScanStore.Finding(runId, user, shown ? ScanClass.ORPHANED : ScanClass.NO_SOURCE_PHOTO, null);
    }
}
