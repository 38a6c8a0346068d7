package io.photosync.jobs;

/**
 * A request for a sync, before it is a job.
 *
 * @param requestKey unique per delivered request, e.g. {@code msteams:activity:<id>}
 * @param subjectId the Entra object id of the person whose photo is synced
 * @param requesterId who asked
 * @param language the language to answer in
 * @param conversationJson where to answer
 * @param subjectUpn the subject's user principal name when the requester already knows it (for the audit); may be null
 */
public record SyncJobRequest(String requestKey, String subjectId, String requesterId, String language, String conversationJson, String subjectUpn) {

    /** A request whose subject's UPN is not at hand (their own sync: the sign-in knows it). */
    public SyncJobRequest(String requestKey, String subjectId, String requesterId, String language, String conversationJson) {
        this(requestKey, subjectId, requesterId, language, conversationJson, null);
    }
}
