package io.photosync.jobs;

/**
 * A request for a sync, before it is a job.
 *
 * @param requestKey unique per delivered request, e.g. {@code msteams:activity:<id>}
 * @param subjectId the Entra object id of the person whose photo is synced
 * @param requesterId who asked
 * @param language the language to answer in
 * @param conversationJson where to answer
 */
public record SyncJobRequest(String requestKey, String subjectId, String requesterId, String language, String conversationJson) {
}
