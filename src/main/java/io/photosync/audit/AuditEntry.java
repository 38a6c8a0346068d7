package io.photosync.audit;

import java.time.Instant;

/**
 * One thing PhotoSync did or refused, as kept in {@code audit_entry}.
 *
 * @param action what was asked: {@code sync-self}, {@code sync-colleague}, {@code nudge}, {@code history}, {@code doctor}
 * @param mode how SharePoint was written: {@code delegated} or {@code app-only}; null when nothing was written
 * @param outcome how it ended: an outcome code ({@code synced}, {@code no-source-photo} …) or a refusal ({@code refused-not-operator} …)
 * @param etagBefore the Graph photo ETag the last successful sync of this person wrote; null for a first sync
 * @param etagAfter the Graph photo ETag this sync wrote
 * @param mthumbSha256 hex SHA-256 of the medium rendition SharePoint holds now
 * @param correlationId the job id, or the Teams activity id of a refused request
 * @param photoVersion the photo history version holding what this change replaced; null when none was kept
 */
public record AuditEntry(String id, Instant at, String requesterId, String requesterUpn, String subjectId, String subjectUpn,
                         String action, String mode, String outcome, String reason, String etagBefore, String etagAfter,
                         String mthumbSha256, String correlationId, String photoVersion) {
}
