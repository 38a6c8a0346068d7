package io.photosync.jobs;

import io.photosync.sync.ScanClass;
import io.photosync.sync.ScanStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
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

    Optional<ScanRun> run(String runId) {
        return jdbc.sql("select id, requested_by, action, language, conversation_reference, card_id from scan_run where id = ?").param(runId)
                .query((rs, row) -> new ScanRun(rs.getString("id"), rs.getString("requested_by"), rs.getString("action"), rs.getString("language"),
                        rs.getString("conversation_reference"), rs.getString("card_id")))
                .optional();
    }

    /** The people a sync would help (stale or missing), in the order found. */
    java.util.List<String> fixable(String runId) {
        return jdbc.sql("select subject_id from scan_finding where run_id = ? and scan_class in ('STALE', 'MISSING') order by subject_id")
                .param(runId).query(String.class).list();
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
        jdbc.sql("select scan_class, count(*) as n from scan_finding where run_id = ? group by scan_class").param(runId)
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
