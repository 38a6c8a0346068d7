package io.photosync.sync;

/**
 * A request to copy one user's photo into SharePoint.
 *
 * @param subjectId the Entra object id of the user whose photo is synced
 */
public record SyncRequest(String subjectId) {
}
