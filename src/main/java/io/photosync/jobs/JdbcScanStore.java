package io.photosync.jobs;

import io.photosync.sync.ScanClass;
import io.photosync.sync.ScanStore;
import io.photosync.sync.DirectoryUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Scan runs and their findings in {@code scan_run} and {@code scan_finding}. */
public final class JdbcScanStore implements ScanStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcScanStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new run, not started, that only reports; returns its id. */
    public String create(String requestedBy) {
        return create(requestedBy, "report", "en", null, null);
    }

    /** A new run, not started; returns its id. */
    public String create(String requestedBy, String action, String language, String conversationJson, String cardId) {
        String id = UUID.randomUUID().toString();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into scan_run (id, requested_by, action, language, conversation_reference, card_id, state, pages, started_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?)")
                .params(id, requestedBy, action, language, conversationJson, cardId, now, now).update();
        return id;
    }

    /**
     * A bulk sync of a group's members as a run with nothing to scan: each member is a finding
     * without a class, to be synced. The id is the caller's, so a repeated delivery of the same
     * request finds the run already there; returns false then.
     */
    public boolean createGroupSync(String id, String requestedBy, String language, String groupName, List<DirectoryUser> members,
                                   List<DirectoryUser> leftOut) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Boolean created = transactions.execute(status -> {
            if (run(id).isPresent()) {
                return false;
            }
            jdbc.sql("insert into scan_run (id, requested_by, action, language, title, state, pages, started_at, updated_at, finished_at) "
                            + "values (?, ?, ?, ?, ?, 'DONE', 0, ?, ?, ?)")
                    .params(id, requestedBy, ScanRun.GROUP_SYNC, language, groupName, now, now, now).update();
            members.forEach(member -> addMember(id, member, "SYNC"));
            leftOut.forEach(member -> addMember(id, member, member.guest() ? "GUEST" : "OUT_OF_SCOPE"));
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    private void addMember(String runId, DirectoryUser member, String action) {
        jdbc.sql("insert into scan_finding (run_id, subject_id, user_principal_name, display_name, action) values (?, ?, ?, ?, ?)")
                .params(runId, member.objectId(), member.userPrincipalName(), member.displayName(), action).update();
    }

    /** Where the requester's card is, once it was sent. */
    public void watch(String runId, String conversationJson, String cardId) {
        jdbc.sql("update scan_run set conversation_reference = ?, card_id = ? where id = ?").params(conversationJson, cardId, runId).update();
    }

    public Optional<ScanRun> run(String runId) {
        return jdbc.sql("select id, requested_by, action, language, conversation_reference, card_id, title from scan_run where id = ?").param(runId)
                .query((rs, row) -> new ScanRun(rs.getString("id"), rs.getString("requested_by"), rs.getString("action"), rs.getString("language"),
                        rs.getString("conversation_reference"), rs.getString("card_id"), rs.getString("title")))
                .optional();
    }

    /** The people a sync would help (stale or missing), object id to UPN, by object id. */
    Map<String, String> fixable(String runId) {
        Map<String, String> people = new java.util.LinkedHashMap<>();
        jdbc.sql("select subject_id, user_principal_name from scan_finding where run_id = ? and scan_class in ('STALE', 'MISSING') order by subject_id")
                .param(runId).query((java.sql.ResultSet rs) -> {
                    people.put(rs.getString("subject_id"), rs.getString("user_principal_name"));
                });
        return people;
    }

    /** Records what the run does for each person: SYNC, NUDGE or OUT_OF_SCOPE. */
    void mark(String runId, List<String> subjectIds, String action) {
        transactions.executeWithoutResult(status -> subjectIds.forEach(subject ->
                jdbc.sql("update scan_finding set action = ? where run_id = ? and subject_id = ?").params(action, runId, subject).update()));
    }

    /** The run's work is queued; {@code campaignId} is its nudge campaign, if any. */
    void acted(String runId, String campaignId) {
        jdbc.sql("update scan_run set acted_at = ?, nudge_campaign_id = ? where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), campaignId, runId).update();
    }

    Optional<Instant> actedAt(String runId) {
        return jdbc.sql("select acted_at from scan_run where id = ? and acted_at is not null").param(runId)
                .query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).optional();
    }

    /** Marks the run complete; true only for the one caller that did (so one final card is sent). */
    boolean complete(String runId) {
        return jdbc.sql("update scan_run set completed_at = ? where id = ? and completed_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), runId).update() == 1;
    }

    /**
     * How far the run's syncs or nudges are. A nudge counts as done once sent; a recipient with
     * no conversation with the bot counts as failed.
     */
    public RunProgress progress(String runId) {
        Instant actedAt = actedAt(runId).orElse(null);
        return jdbc.sql("select "
                        + "sum(case when j.state = 'DONE' or d.state = 'SENT' then 1 else 0 end) as done, "
                        + "sum(case when j.state = 'FAILED' or d.state in ('FAILED', 'NO_REFERENCE') then 1 else 0 end) as failed, "
                        + "sum(case when f.action in ('SYNC', 'NUDGE') then 1 else 0 end) as acting, "
                        + "sum(case when f.action in ('OUT_OF_SCOPE', 'GUEST') then 1 else 0 end) as left_out "
                        + FROM_FINDINGS + " where f.run_id = ?")
                .param(runId)
                .query((rs, row) -> {
                    int done = rs.getInt("done");
                    int failed = rs.getInt("failed");
                    return new RunProgress(done, failed, rs.getInt("acting") - done - failed, rs.getInt("left_out"), actedAt);
                })
                .single();
    }

    /** Every person in the run with what was found and done, by name; handed over one at a time. */
    public void report(String runId, java.util.function.Consumer<ReportRow> rows) {
        jdbc.sql("select f.subject_id, f.display_name, f.user_principal_name, f.scan_class, f.detail, f.action, "
                        + "j.state as job_state, j.detail as job_detail, d.state as nudge_state, d.reason as nudge_reason, d.tapped_at "
                        + FROM_FINDINGS + " where f.run_id = ? order by lower(f.display_name), f.subject_id")
                .param(runId)
                .query((java.sql.ResultSet rs) -> {
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
        if ("OUT_OF_SCOPE".equals(action)) {
            return ReportRow.Outcome.OUT_OF_SCOPE;
        }
        if ("GUEST".equals(action)) {
            return ReportRow.Outcome.GUEST;
        }
        if ("SYNC".equals(action)) {
            return "DONE".equals(jobState) ? ReportRow.Outcome.SYNCED
                    : "FAILED".equals(jobState) ? ReportRow.Outcome.SYNC_FAILED : ReportRow.Outcome.SYNC_QUEUED;
        }
        if ("NUDGE".equals(action)) {
            if (nudgeState == null || "PENDING".equals(nudgeState)) {
                return ReportRow.Outcome.NUDGE_QUEUED;
            }
            return switch (nudgeState) {
                case "SENT" -> tapped ? ReportRow.Outcome.NUDGE_TAPPED : ReportRow.Outcome.NUDGED;
                case "NO_REFERENCE" -> ReportRow.Outcome.NO_CONVERSATION;
                default -> ReportRow.Outcome.NUDGE_FAILED;
            };
        }
        return ReportRow.Outcome.NONE;
    }

    /**
     * Deletes the runs started before {@code before}, with their findings, that are complete (or
     * were abandoned long ago: a run still going is left alone); returns how many went.
     */
    public int deleteStartedBefore(Instant before) {
        var cutoff = before.atOffset(ZoneOffset.UTC);
        Integer deleted = transactions.execute(status -> {
            List<String> old = jdbc.sql("select id from scan_run where started_at < ? and (completed_at is not null or updated_at < ?)")
                    .params(cutoff, cutoff).query(String.class).list();
            old.forEach(id -> {
                jdbc.sql("delete from scan_finding where run_id = ?").param(id).update();
                jdbc.sql("delete from scan_run where id = ?").param(id).update();
            });
            return old.size();
        });
        return deleted == null ? 0 : deleted;
    }

    /** When the run started and, once it has, completed (scanned and every sync or nudge ended). */
    public record Times(Instant started, Instant completed) {
    }

    public Optional<Times> times(String runId) {
        return jdbc.sql("select started_at, completed_at from scan_run where id = ?").param(runId)
                .query((rs, row) -> {
                    java.time.OffsetDateTime completed = rs.getObject("completed_at", java.time.OffsetDateTime.class);
                    return new Times(rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                            completed == null ? null : completed.toInstant());
                })
                .optional();
    }

    @Override
    public void save(Finding finding) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from scan_finding where run_id = ? and subject_id = ?").params(finding.runId(), finding.user().objectId()).update();
            jdbc.sql("insert into scan_finding (run_id, subject_id, user_principal_name, display_name, scan_class, detail) values (?, ?, ?, ?, ?, ?)")
                    .params(finding.runId(), finding.user().objectId(), finding.user().userPrincipalName(), finding.user().displayName(),
                            finding.scanClass().name(), finding.detail())
                    .update();
        });
    }

    @Override
    public Optional<String> cursor(String runId) {
        return jdbc.sql("select page_cursor from scan_run where id = ? and page_cursor is not null").param(runId).query(String.class).optional();
    }

    @Override
    public void pageDone(String runId, String next) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("update scan_run set page_cursor = ?, pages = pages + 1, updated_at = ?, state = ?, finished_at = ? where id = ?")
                .params(next, now, next == null ? "DONE" : "RUNNING", next == null ? now : null, runId).update();
    }

    /** How many people of each class the run has found so far. */
    public Map<ScanClass, Integer> counts(String runId) {
        Map<ScanClass, Integer> counts = new EnumMap<>(ScanClass.class);
        jdbc.sql("select scan_class, count(*) as n from scan_finding where run_id = ? and scan_class is not null group by scan_class").param(runId)
                .query((rs, row) -> counts.put(ScanClass.valueOf(rs.getString("scan_class")), rs.getInt("n"))).list();
        return counts;
    }

    /** The class found for one person in the run. */
    public Optional<ScanClass> classOf(String runId, String subjectId) {
        return jdbc.sql("select scan_class from scan_finding where run_id = ? and subject_id = ?").params(runId, subjectId)
                .query(String.class).optional().map(ScanClass::valueOf);
    }

    public Optional<String> state(String runId) {
        return jdbc.sql("select state from scan_run where id = ?").param(runId).query(String.class).optional();
    }
}
