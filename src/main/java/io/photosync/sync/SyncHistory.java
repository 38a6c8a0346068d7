package io.photosync.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What earlier syncs left behind: the photo ETag the last successful one wrote. */
public interface SyncHistory {

    Optional<String> lastSyncedEtag(String subjectId);

    /** The same for several people at once, by object id; people never synced are absent. */
    default Map<String, String> lastSyncedEtags(Collection<String> subjectIds) {
        Map<String, String> etags = new HashMap<>();
        subjectIds.forEach(subject -> lastSyncedEtag(subject).ifPresent(etag -> etags.put(subject, etag)));
        return etags;
    }
}
