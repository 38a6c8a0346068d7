package io.photosync.scan;

import io.photosync.jobs.SyncJob;
import io.photosync.nudge.DeliveryState;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What runs did, read back for their cards and reports: how far the syncs or nudges are, and every
 * person's finding with its outcome (from the job, by its request key, or the nudge delivery).
 */
public final class JdbcRunReports {

    private final JdbcClient jdbc;

    JdbcRunReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How far the run's syncs or nudges are. A nudge counts as done once sent; a recipient with
     * no conversation with the bot counts as failed.
     */
    RunProgress progress(String runId) {
        return jdbc.sql("select max(r.acted_at) as acted_at, "
                        + "sum(case when j.state = 'DONE' or d.state = 'SENT' then 1 else 0 end) as done, "
                        + "sum(case when j.state = 'FAILED' or d.state in ('FAILED', 'NO_REFERENCE') then 1 else 0 end) as failed, "
                        + "sum(case when f.action in ('SYNC', 'NUDGE') then 1 else 0 end) as acting, "
                        + "sum(case when f.action in ('OUT_OF_SCOPE', 'GUEST') then 1 else 0 end) as left_out "
                        + FROM_FINDINGS + " where f.run_id = ?")
                .param(runId)
                .query((rs, row) -> {
                    OffsetDateTime actedAt = rs.getObject("acted_at", OffsetDateTime.class);
                    int done = rs.getInt("done");
                    int failed = rs.getInt("failed");
                    return new RunProgress(done, failed, rs.getInt("acting") - done - failed, rs.getInt("left_out"),
                            actedAt == null ? null : actedAt.toInstant());
                })
                .single();
    }

    /** Every person in the run with what was found and done, by name; handed over one at a time. */
    void report(String runId, Consumer<ReportRow> rows) {
        jdbc.sql("select f.subject_id, f.display_name, f.user_principal_name, f.scan_class, f.detail, f.action, "
                        + "j.state as job_state, j.detail as job_detail, d.state as nudge_state, d.reason as nudge_reason, d.tapped_at "
                        + FROM_FINDINGS + " where f.run_id = ? order by lower(f.display_name), f.subject_id")
                .param(runId)
                .query((ResultSet rs) -> {
                    String scanClass = rs.getString("scan_class");
                    ReportRow.Outcome outcome = outcome(rs.getString("action"), rs.getString("job_state"), rs.getString("nudge_state"),
                            rs.getObject("tapped_at") != null);
                    String why = outcome == ReportRow.Outcome.SYNC_FAILED ? rs.getString("job_detail")
                            : outcome == ReportRow.Outcome.NUDGE_FAILED ? rs.getString("nudge_reason") : null;
                    rows.accept(new ReportRow(rs.getString("subject_id"), rs.getString("display_name"), rs.getString("user_principal_name"),
                            scanClass == null ? null : ScanClass.valueOf(scanClass), rs.getString("detail"), outcome, why));
                });
    }

    /** A finding with the job (by its request key) or the nudge delivery its action made. */
    private static final String FROM_FINDINGS = "from scan_finding f join scan_run r on r.id = f.run_id "
            + "left join sync_job j on f.action = 'SYNC' and j.request_key = 'scan:' || f.run_id || ':' || f.subject_id "
            + "left join nudge_delivery d on f.action = 'NUDGE' and d.campaign_id = r.nudge_campaign_id and d.recipient_id = f.subject_id";

    private static ReportRow.Outcome outcome(String action, String jobState, String nudgeState, boolean tapped) {
        if (action == null) {
            return ReportRow.Outcome.NONE;
        }
        return switch (MemberAction.valueOf(action)) {
            case OUT_OF_SCOPE -> ReportRow.Outcome.OUT_OF_SCOPE;
            case GUEST -> ReportRow.Outcome.GUEST;
            case SYNC -> syncOutcome(jobState == null ? null : SyncJob.State.valueOf(jobState));
            case NUDGE -> nudgeOutcome(nudgeState == null ? DeliveryState.PENDING : DeliveryState.valueOf(nudgeState), tapped);
        };
    }

    private static ReportRow.Outcome syncOutcome(SyncJob.State job) {
        return job == SyncJob.State.DONE ? ReportRow.Outcome.SYNCED
                : job == SyncJob.State.FAILED ? ReportRow.Outcome.SYNC_FAILED : ReportRow.Outcome.SYNC_QUEUED;
    }

    private static ReportRow.Outcome nudgeOutcome(DeliveryState delivery, boolean tapped) {
        return switch (delivery) {
            case PENDING -> ReportRow.Outcome.NUDGE_QUEUED;
            case SENT -> tapped ? ReportRow.Outcome.NUDGE_TAPPED : ReportRow.Outcome.NUDGED;
            case NO_REFERENCE -> ReportRow.Outcome.NO_CONVERSATION;
            case FAILED -> ReportRow.Outcome.NUDGE_FAILED;
        };
    }

    Optional<RunTimes> times(String runId) {
        return jdbc.sql("select started_at, completed_at from scan_run where id = ?").param(runId)
                .query((rs, row) -> {
                    OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
                    return new RunTimes(rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            completed == null ? null : completed.toInstant());
                })
                .optional();
    }
}
