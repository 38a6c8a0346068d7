package io.photosync.jobs;

/**
 * One requested sync and how far it got.
 *
 * @param id the job id, also the db-scheduler task instance
 * @param requestKey what made it (e.g. the Teams activity id); a second delivery of it is the same job
 * @param subjectId the Entra object id of the person whose photo is synced
 * @param requesterId who asked (the subject themself, or an operator)
 * @param language the language to answer in (a BCP 47 tag)
 * @param conversationJson where to answer: the requester's conversation reference, as the bot stored it
 * @param cardActivityId the "Syncing…" card to update in place, if one was sent
 * @param state where the job is
 * @param outcome the last outcome's code, once there is one
 * @param attempts how many times the sync has run
 * @param subjectUpn the subject's user principal name, when the request carried it
 */
public record SyncJob(String id, String requestKey, String subjectId, String requesterId, String language,
                      String conversationJson, String cardActivityId, State state, String outcome, int attempts, String subjectUpn) {

    /** A job's life: accepted, queued, running, waiting to retry, then done or failed. */
    public enum State {
        ACCEPTED, QUEUED, RUNNING, WAITING, DONE, FAILED;

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }
}
