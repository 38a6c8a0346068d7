package io.photosync.scan;

/**
 * A run as started: a tenant scan, or a bulk sync of a group; by whom, what to do with what it
 * finds, and where to report.
 *
 * @param action {@code report} (only), {@code fix} (an app-only sync job per stale or missing photo), {@code nudge},
 *               or {@code sync-group} (a sync job per member of the group named in {@code title}; nothing scanned)
 * @param conversationJson where the requester's card is; null for a run nobody watches
 * @param cardId the card updated with progress and the result
 * @param title what the run is about, for a group sync the group's name; null for a tenant scan
 */
public record ScanRun(String id, String requesterId, String action, String language, String conversationJson, String cardId, String title) {

    public static final String GROUP_SYNC = "sync-group";

    /** Whether the run acts on what it finds (syncs or nudges), so its card follows that work to the end. */
    public boolean acts() {
        return !"report".equals(action);
    }

    public boolean groupSync() {
        return GROUP_SYNC.equals(action);
    }
}
