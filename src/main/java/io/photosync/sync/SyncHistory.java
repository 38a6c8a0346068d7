package io.photosync.sync;

import java.util.Optional;

/** What earlier syncs left behind: the photo ETag the last successful one wrote. */
public interface SyncHistory {

    Optional<String> lastSyncedEtag(String subjectId);
}
