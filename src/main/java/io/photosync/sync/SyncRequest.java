package io.photosync.sync;

/**
 * A request to copy one user's photo into SharePoint, to write back a kept version (undo), or to
 * set a new photo someone sent.
 *
 * @param subjectId the Entra object id of the user whose photo is synced
 * @param ownRequest whether the user asked for their own photo (then {@link SyncProperties#selfMode()} applies)
 * @param restoreVersion the photo history version to write back instead of the Microsoft 365 photo; null for a sync
 * @param newPhoto the {@link NewPhoto} to set in Microsoft 365 and SharePoint; null for a sync
 */
public record SyncRequest(String subjectId, boolean ownRequest, String restoreVersion, String newPhoto) {

    /** A sync on someone else's behalf (a helpdesk operator, a scan): always app-only. */
    public SyncRequest(String subjectId) {
        this(subjectId, false, null, null);
    }

    public SyncRequest(String subjectId, boolean ownRequest) {
        this(subjectId, ownRequest, null, null);
    }

    public SyncRequest(String subjectId, boolean ownRequest, String restoreVersion) {
        this(subjectId, ownRequest, restoreVersion, null);
    }
}
