package io.photosync.scan;

/**
 * A run as started: a tenant scan, or a bulk sync of a group; by whom, what to do with what it
 * finds, and where to report.
 *
 * @param action what the run does with what it finds; for {@link RunAction#SYNC_GROUP} a sync per member of the group
 *               named in {@code title}, nothing scanned
 * @param conversationJson where the requester's card is; null for a run nobody watches
 * @param cardId the card updated with progress and the result
 * @param title what the run is about, for a group sync the group's name; null for a tenant scan
 */
public record ScanRun(String id, String requesterId, RunAction action, String language, String conversationJson, String cardId, String title) {

    /** Whether the run acts on what it finds (syncs or nudges), so its card follows that work to the end. */
    public boolean acts() {
        return action.acts();
    }

    public boolean groupSync() {
        return action == RunAction.SYNC_GROUP;
    }
}
