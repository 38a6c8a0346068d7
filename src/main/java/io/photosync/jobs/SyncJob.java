package io.photosync.jobs;

/**
 * One requested sync and how far it got.
 *
 * @param id the job id, also the durable task's instance id
 * @param requestKey what made it (e.g. the Teams activity id); a second delivery of it is the same job
 * @param subject the person whose photo is synced
 * @param requester who asked (the subject themself, or an operator)
 * @param language the language to answer in (a BCP 47 tag)
 * @param conversationJson where to answer: the requester's conversation reference, as the bot stored it
 * @param cardActivityId the "Syncing…" card to update in place, if one was sent
 * @param state where the job is
 * @param outcome the last outcome's code, once there is one
 * @param attempts how many times the sync has run
 * @param restoreVersion the photo history version the job writes back (an undo); null for a sync
 * @param newPhoto the new photo the job sets in Microsoft 365 and SharePoint; null for a sync
 */
public record SyncJob(String id, String requestKey, JobPerson subject, JobPerson requester, String language,
                      String conversationJson, String cardActivityId, State state, String outcome, int attempts, String restoreVersion,
                      String newPhoto) {

    /** A job's life: accepted, queued, running, waiting to retry, then done or failed. */
    public enum State {
        ACCEPTED, QUEUED, RUNNING, WAITING, DONE, FAILED;

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    public String subjectId() {
        return subject.objectId();
    }

    public String requesterId() {
        return requester.objectId();
    }

    /** Whether the job writes a kept version back rather than syncing. */
    public boolean restore() {
        return restoreVersion != null;
    }

    /** Whether the job sets a new photo someone sent. */
    public boolean change() {
        return newPhoto != null;
    }

    /** Whether the person asked for their own photo. */
    public boolean own() {
        return subject.objectId().equals(requester.objectId());
    }
}
