package io.photosync.jobs;

/**
 * A request for a sync, before it is a job.
 *
 * @param requestKey unique per delivered request, e.g. {@code msteams:activity:<id>}
 * @param subject the person whose photo is synced
 * @param requester who asked: the subject themself, an operator, or whoever started a run
 * @param language the language to answer in (a BCP 47 tag)
 * @param conversationJson where to answer; null when nobody waits for a card (a scan's fixes)
 * @param restoreVersion the photo history version to write back (an undo); null for a sync
 * @param newPhoto the new photo to set in Microsoft 365 and SharePoint; null for a sync
 */
public record SyncJobRequest(String requestKey, JobPerson subject, JobPerson requester, String language, String conversationJson,
                             String restoreVersion, String newPhoto) {

    /** Someone asks for their own photo. */
    public static SyncJobRequest own(String requestKey, JobPerson sender, String language, String conversationJson) {
        return new SyncJobRequest(requestKey, sender, sender, language, conversationJson, null, null);
    }

    /** Someone asks for another person's photo (the helpdesk, a scan, a group sync). */
    public static SyncJobRequest onBehalf(String requestKey, JobPerson subject, JobPerson requester, String language, String conversationJson) {
        return new SyncJobRequest(requestKey, subject, requester, language, conversationJson, null, null);
    }

    /** The same request, writing back this kept version instead of syncing. */
    public SyncJobRequest restoring(String versionId) {
        return new SyncJobRequest(requestKey, subject, requester, language, conversationJson, versionId, null);
    }

    /** The same request, setting this new photo instead of syncing. */
    public SyncJobRequest changing(String newPhotoId) {
        return new SyncJobRequest(requestKey, subject, requester, language, conversationJson, null, newPhotoId);
    }

    public String subjectId() {
        return subject.objectId();
    }

    public String requesterId() {
        return requester.objectId();
    }
}
