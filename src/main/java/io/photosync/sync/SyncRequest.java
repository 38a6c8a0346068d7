package io.photosync.sync;

/**
 * A request to copy one user's photo into SharePoint.
 *
 * @param subjectId the Entra object id of the user whose photo is synced
 * @param ownRequest whether the user asked for their own photo (then {@link SyncProperties#selfMode()} applies)
 */
public record SyncRequest(String subjectId, boolean ownRequest) {

    /** A sync on someone else's behalf (a helpdesk operator, a scan): always app-only. */
    public SyncRequest(String subjectId) {
        this(subjectId, false);
    }
}
