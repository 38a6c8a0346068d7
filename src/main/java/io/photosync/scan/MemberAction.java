package io.photosync.scan;

/** What a run does for one person it found ({@code scan_finding.action}); none until it acts. */
enum MemberAction {
    /** An app-only sync job. */
    SYNC,
    /** A nudge. */
    NUDGE,
    /** Nothing: the helpdesk's scope leaves them out. */
    OUT_OF_SCOPE,
    /** Nothing: a guest, whose photo is their home tenant's. */
    GUEST
}
