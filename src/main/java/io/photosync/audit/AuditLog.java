package io.photosync.audit;

import io.photosync.sync.SyncHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log ({@code audit_entry}): append and read, never update or delete. */
public final class AuditLog implements SyncHistory {

    /** The outcomes after which SharePoint showed the photo whose ETag the entry records. */
    private static final String SYNCED_OUTCOMES = "('synced', 'restored', 'changed', 'propagated', 'pulled')";

    private static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry; its id and time are given here. */
    public AuditEntry record(AuditEvent event) {
        String reason = event.reason() == null || event.reason().length() <= MAX_REASON ? event.reason() : event.reason().substring(0, MAX_REASON);
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), event.actor().objectId(), event.actor().userPrincipalName(),
                event.subject().objectId(), event.subject().userPrincipalName(), event.action().key(), event.mode(), event.outcome(), reason,
                event.etagBefore(), event.etagAfter(), event.mthumbSha256(), event.correlationId(), event.photoVersion());
        jdbc.sql("insert into audit_entry (id, at, requester_id, requester_upn, subject_id, subject_upn, action, mode, outcome, reason, "
                        + "etag_before, etag_after, mthumb_sha256, correlation_id, photo_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.id(), entry.at().atOffset(ZoneOffset.UTC), entry.requesterId(), entry.requesterUpn(), entry.subjectId(),
                        entry.subjectUpn(), entry.action(), entry.mode(), entry.outcome(), entry.reason(), entry.etagBefore(),
                        entry.etagAfter(), entry.mthumbSha256(), entry.correlationId(), entry.photoVersion())
                .update();
        return entry;
    }

    /** The latest entries about one person, newest first. */
    public List<AuditEntry> latestAbout(String subjectId, int limit) {
        return jdbc.sql("select * from audit_entry where subject_id = ? order by at desc, id limit ?")
                .params(subjectId, limit).query(AuditLog::entry).list();
    }

    /** Every entry with this correlation id (a job, a refused activity), oldest first. */
    public List<AuditEntry> byCorrelation(String correlationId) {
        return jdbc.sql("select * from audit_entry where correlation_id = ? order by at, id").param(correlationId).query(AuditLog::entry).list();
    }

    /** The Graph ETag the person's last successful sync wrote. */
    @Override
    public Optional<String> lastSyncedEtag(String subjectId) {
        return jdbc.sql("select etag_after from audit_entry where subject_id = ? and outcome in " + SYNCED_OUTCOMES
                        + " and etag_after is not null order by at desc limit 1")
                .param(subjectId).query(String.class).optional();
    }

    /** One query for a scan's batch of people: each one's newest synced ETag. */
    @Override
    public Map<String, String> lastSyncedEtags(Collection<String> subjectIds) {
        Map<String, String> etags = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return etags;
        }
        Map<String, Instant> newest = new HashMap<>();
        jdbc.sql("select subject_id, etag_after, at from audit_entry where subject_id in (:subjects) and outcome in " + SYNCED_OUTCOMES
                        + " and etag_after is not null")
                .param("subjects", List.copyOf(subjectIds)).query((ResultSet rs) -> {
                    String subject = rs.getString("subject_id");
                    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
                    if (!newest.containsKey(subject) || at.isAfter(newest.get(subject))) {
                        newest.put(subject, at);
                        etags.put(subject, rs.getString("etag_after"));
                    }
                });
        return etags;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getString("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("requester_id"), rs.getString("requester_upn"), rs.getString("subject_id"), rs.getString("subject_upn"),
                rs.getString("action"), rs.getString("mode"), rs.getString("outcome"), rs.getString("reason"),
                rs.getString("etag_before"), rs.getString("etag_after"), rs.getString("mthumb_sha256"), rs.getString("correlation_id"),
                rs.getString("photo_version"));
    }
}
