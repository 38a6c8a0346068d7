package io.photosync.audit;

import java.util.Arrays;

/** What an audit entry is about; {@link #key()} is what {@code audit_entry.action} holds. */
public enum AuditAction {
    /** Someone synced their own photo. */
    SYNC_SELF("sync-self"),
    /** An operator synced a colleague's photo. */
    SYNC_COLLEAGUE("sync-colleague"),
    /** An operator queued a sync for every member of a group. */
    SYNC_GROUP("sync-group"),
    /** An operator read the audit history about someone. */
    HISTORY("history"),
    /** The photo doctor examined someone. */
    DOCTOR("doctor"),
    /** An operator ran the preflight from Teams. */
    PREFLIGHT("preflight"),
    /** An operator started a tenant scan. */
    SCAN("scan"),
    /** An operator nudged people or a group. */
    NUDGE("nudge"),
    /** Someone wrote a kept photo back: their own, or an operator a colleague's. */
    UNDO("undo"),
    /** Someone sent a new photo and PhotoSync set it in Microsoft 365 and SharePoint (or was asked to and could not). */
    NEW_PHOTO("new-photo");

    private final String key;

    AuditAction(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static AuditAction of(String key) {
        return Arrays.stream(values()).filter(action -> action.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no audit action " + key));
    }
}
