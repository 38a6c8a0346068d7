package io.photosync.scan;

import io.photosync.sync.DirectoryUser;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
        return create(requestedBy, RunAction.REPORT, "en", null, null);
    }

    /** A new run, not started; returns its id. */
    public String create(String requestedBy, RunAction action, String language, String conversationJson, String cardId) {
        String id = UUID.randomUUID().toString();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into scan_run (id, requested_by, action, language, conversation_reference, card_id, state, pages, started_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, ?)")
                .params(id, requestedBy, action.key(), language, conversationJson, cardId, now, now).update();
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
                    .params(id, requestedBy, RunAction.SYNC_GROUP.key(), language, groupName, now, now, now).update();
            members.forEach(member -> addMember(id, member, MemberAction.SYNC));
            leftOut.forEach(member -> addMember(id, member, member.guest() ? MemberAction.GUEST : MemberAction.OUT_OF_SCOPE));
            return true;
        });
        return Boolean.TRUE.equals(created);
    }

    private void addMember(String runId, DirectoryUser member, MemberAction action) {
        jdbc.sql("insert into scan_finding (run_id, subject_id, user_principal_name, display_name, action) values (?, ?, ?, ?, ?)")
                .params(runId, member.objectId(), member.userPrincipalName(), member.displayName(), action.name()).update();
    }

    /** Where the requester's card is, once it was sent. */
    void watch(String runId, String conversationJson, String cardId) {
        jdbc.sql("update scan_run set conversation_reference = ?, card_id = ? where id = ?").params(conversationJson, cardId, runId).update();
    }

    Optional<ScanRun> run(String runId) {
        return jdbc.sql("select id, requested_by, action, language, conversation_reference, card_id, title from scan_run where id = ?").param(runId)
                .query((rs, row) -> new ScanRun(rs.getString("id"), rs.getString("requested_by"), RunAction.of(rs.getString("action")), rs.getString("language"),
                        rs.getString("conversation_reference"), rs.getString("card_id"), rs.getString("title")))
                .optional();
    }

    /** The people a sync would help (stale or missing), object id to UPN, by object id. */
    Map<String, String> fixable(String runId) {
        return fixable(runId, "", Integer.MAX_VALUE);
    }

    /** At most {@code limit} of them, the next after the object id {@code after} ("" for the first), by object id. */
    Map<String, String> fixable(String runId, String after, int limit) {
        Map<String, String> people = new LinkedHashMap<>();
        jdbc.sql("select subject_id, user_principal_name from scan_finding where run_id = ? and scan_class in ('STALE', 'MISSING') and subject_id > ? "
                        + "order by subject_id limit ?")
                .params(runId, after, limit).query((ResultSet rs) -> {
                    people.put(rs.getString("subject_id"), rs.getString("user_principal_name"));
                });
        return people;
    }

    /** Records what the run does for each person. */
    void mark(String runId, List<String> subjectIds, MemberAction action) {
        transactions.executeWithoutResult(status -> subjectIds.forEach(subject ->
                jdbc.sql("update scan_finding set action = ? where run_id = ? and subject_id = ?").params(action.name(), runId, subject).update()));
    }

    /** The run's work is queued; {@code campaignId} is its nudge campaign, if any. */
    void acted(String runId, String campaignId) {
        jdbc.sql("update scan_run set acted_at = ?, nudge_campaign_id = ? where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), campaignId, runId).update();
    }

    Optional<Instant> actedAt(String runId) {
        return jdbc.sql("select acted_at from scan_run where id = ? and acted_at is not null").param(runId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** Marks the run complete; true only for the one caller that did (so one final card is sent). */
    boolean complete(String runId) {
        return jdbc.sql("update scan_run set completed_at = ? where id = ? and completed_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), runId).update() == 1;
    }

    /**
     * Deletes the runs started before {@code before}, with their findings, that are complete (or
     * were abandoned long ago: a run still going is left alone); returns how many went.
     */
    int deleteStartedBefore(Instant before) {
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

    /** A batch's findings in one transaction; a person seen before in the run (a page read twice) is replaced. */
    @Override
    public void save(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        String runId = findings.get(0).runId();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from scan_finding where run_id = :run and subject_id in (:subjects)")
                    .param("run", runId).param("subjects", findings.stream().map(finding -> finding.user().objectId()).toList()).update();
            findings.forEach(finding -> jdbc.sql("insert into scan_finding (run_id, subject_id, user_principal_name, display_name, scan_class, detail) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(finding.runId(), finding.user().objectId(), finding.user().userPrincipalName(), finding.user().displayName(),
                            finding.scanClass().name(), finding.detail())
                    .update());
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
                .params(next, now, (next == null ? RunState.DONE : RunState.RUNNING).name(), next == null ? now : null, runId).update();
    }

    /** How many people of each class the run has found so far. */
    public Map<ScanClass, Integer> counts(String runId) {
        Map<ScanClass, Integer> counts = new EnumMap<>(ScanClass.class);
        jdbc.sql("select scan_class, count(*) as n from scan_finding where run_id = ? and scan_class is not null group by scan_class").param(runId)
                .query((rs, row) -> counts.put(ScanClass.valueOf(rs.getString("scan_class")), rs.getInt("n"))).list();
        return counts;
    }

    /** The class found for one person in the run. */
    Optional<ScanClass> classOf(String runId, String subjectId) {
        return jdbc.sql("select scan_class from scan_finding where run_id = ? and subject_id = ?").params(runId, subjectId)
                .query(String.class).optional().map(ScanClass::valueOf);
    }

    Optional<RunState> state(String runId) {
        return jdbc.sql("select state from scan_run where id = ?").param(runId).query(String.class).optional().map(RunState::valueOf);
    }
}
