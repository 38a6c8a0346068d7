package io.photosync.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code sync_job} and {@code subject_lease} tables; plain SQL that H2 and PostgreSQL read alike. */
final class JdbcSyncJobStore {

    private static final String COLUMNS = "id, request_key, subject_id, subject_upn, subject_name, requester_id, requester_upn, "
            + "requester_name, language, conversation_json, card_activity_id, state, outcome, attempts, restore_version, new_photo";

    private final JdbcClient jdbc;

    JdbcSyncJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a job in state ACCEPTED; empty when a job with this request key exists already. */
    Optional<SyncJob> insert(SyncJobRequest request, Instant now) {
        String id = UUID.randomUUID().toString();
        try {
            JobPerson subject = request.subject();
            JobPerson requester = request.requester();
            jdbc.sql("insert into sync_job (id, request_key, subject_id, subject_upn, subject_name, requester_id, requester_upn, requester_name, "
                            + "language, conversation_json, restore_version, new_photo, state, attempts, created_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', 0, ?, ?)")
                    .params(id, request.requestKey(), subject.objectId(), subject.userPrincipalName(), subject.displayName(),
                            requester.objectId(), requester.userPrincipalName(), requester.displayName(), request.language(),
                            request.conversationJson(), request.restoreVersion(), request.newPhoto(), time(now), time(now))
                    .update();
        } catch (DuplicateKeyException sameRequest) {
            return Optional.empty();
        }
        return find(id);
    }

    Optional<SyncJob> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from sync_job where id = ?").param(id).query(JdbcSyncJobStore::row).optional();
    }

    /** Accepted jobs that never reached the queue (the process stopped in between). */
    List<String> acceptedBefore(Instant cutoff) {
        return jdbc.sql("select id from sync_job where state = 'ACCEPTED' and updated_at < ?").param(time(cutoff)).query(String.class).list();
    }

    void queue(String id, String cardActivityId, Instant now) {
        jdbc.sql("update sync_job set state = 'QUEUED', card_activity_id = coalesce(?, card_activity_id), updated_at = ? where id = ? and state = 'ACCEPTED'")
                .params(cardActivityId, time(now), id).update();
    }

    /** Queues the job while its card is still being sent: {@link #cardShown} follows. */
    void queueWhileCardIsSent(String id, Instant now) {
        jdbc.sql("update sync_job set state = 'QUEUED', card_pending = true, updated_at = ? where id = ? and state = 'ACCEPTED'")
                .params(time(now), id).update();
    }

    /** The job's card was sent ({@code cardActivityId} its id) or could not be (null). */
    void cardShown(String id, String cardActivityId) {
        jdbc.sql("update sync_job set card_activity_id = coalesce(?, card_activity_id), card_pending = false where id = ?").params(cardActivityId, id).update();
    }

    /** Whether the job's card is still on its way. */
    boolean cardPending(String id) {
        return jdbc.sql("select card_pending from sync_job where id = ?").param(id).query(Boolean.class).optional().orElse(false);
    }

    /** Marks the job running and counts the attempt; returns the attempt number. */
    int startAttempt(String id, Instant now) {
        jdbc.sql("update sync_job set state = 'RUNNING', attempts = attempts + 1, updated_at = ? where id = ?").params(time(now), id).update();
        return jdbc.sql("select attempts from sync_job where id = ?").param(id).query(Integer.class).single();
    }

    void record(String id, SyncJob.State state, String outcome, String detail, Instant now) {
        jdbc.sql("update sync_job set state = ?, outcome = ?, detail = ?, updated_at = ? where id = ?")
                .params(state.name(), outcome, detail == null ? null : truncate(detail), time(now), id).update();
    }

    /** Takes the subject's lease for this job: free, expired, or already this job's. */
    boolean acquireLease(String subjectId, String jobId, Instant now, Instant until) {
        int taken = jdbc.sql("update subject_lease set job_id = ?, expires_at = ? where subject_id = ? and (expires_at < ? or job_id = ?)")
                .params(jobId, time(until), subjectId, time(now), jobId).update();
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.sql("insert into subject_lease (subject_id, job_id, expires_at) values (?, ?, ?)").params(subjectId, jobId, time(until)).update();
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    void releaseLease(String subjectId, String jobId) {
        jdbc.sql("delete from subject_lease where subject_id = ? and job_id = ?").params(subjectId, jobId).update();
    }

    private static SyncJob row(ResultSet rs, int rowNum) throws SQLException {
        return new SyncJob(rs.getString("id"), rs.getString("request_key"),
                new JobPerson(rs.getString("subject_id"), rs.getString("subject_upn"), rs.getString("subject_name")),
                new JobPerson(rs.getString("requester_id"), rs.getString("requester_upn"), rs.getString("requester_name")),
                rs.getString("language"), rs.getString("conversation_json"), rs.getString("card_activity_id"),
                SyncJob.State.valueOf(rs.getString("state")), rs.getString("outcome"), rs.getInt("attempts"),
                rs.getString("restore_version"), rs.getString("new_photo"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    }
}
