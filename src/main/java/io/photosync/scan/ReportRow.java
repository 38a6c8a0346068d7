package io.photosync.scan;

/**
 * One person in a run's report: what the scan found and what became of it.
 *
 * @param scanClass null in a group sync, where nobody was scanned
 * @param outcomeDetail why a sync or a nudge failed, when it did
 */
public record ReportRow(String objectId, String displayName, String userPrincipalName, ScanClass scanClass, String detail,
                        Outcome outcome, String outcomeDetail) {

    /** What the run did for the person. */
    public enum Outcome {
        /** Nothing to do, or a report-only run. */
        NONE,
        /** Fixable, but outside the helpdesk's scope groups. */
        OUT_OF_SCOPE,
        /** A guest in a synced group: guests' SharePoint profiles are not PhotoSync's to change. */
        GUEST,
        SYNC_QUEUED, SYNCED, SYNC_FAILED,
        NUDGE_QUEUED, NUDGED, NUDGE_TAPPED, NUDGE_FAILED, NO_CONVERSATION
    }
}
