package io.photosync.bot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The new photos being watched until Microsoft 365 shows them ({@code propagation_watch}), one per job. */
final class PropagationWatches {

    /**
     * @param pull whether SharePoint was asked to pull the photo itself (else Microsoft 365 is awaited)
     * @param colleague whether the card is an operator's about a colleague (then it names them)
     * @param previous what showed before: Microsoft 365's ETag ("" for none), or SharePoint's picture timestamp and URL, a line each
     * @param sourceEtag the Microsoft 365 ETag a pull brings; null otherwise
     */
    record Watch(String id, boolean pull, String subjectId, String subjectName, boolean colleague, Locale language, String conversationJson,
                 String cardId, String previous, String sourceEtag, Instant startedAt, Instant deadline, int checks) {

        Watch shownIn(String card) {
            return new Watch(id, pull, subjectId, subjectName, colleague, language, conversationJson, card, previous, sourceEtag, startedAt,
                    deadline, checks);
        }
    }

    private final JdbcClient jdbc;

    PropagationWatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(Watch watch) {
        jdbc.sql("insert into propagation_watch (id, kind, source_etag, subject_id, subject_name, colleague, language, conversation_json, card_id, "
                        + "previous_etag, started_at, deadline, checks) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(watch.id(), watch.pull() ? "pull" : "microsoft-365", watch.sourceEtag(), watch.subjectId(), watch.subjectName(),
                        watch.colleague(), watch.language().toLanguageTag(), watch.conversationJson(), watch.cardId(), watch.previous(),
                        time(watch.startedAt()), time(watch.deadline()))
                .update();
    }

    Optional<Watch> find(String id) {
        return jdbc.sql("select * from propagation_watch where id = ?").param(id).query(PropagationWatches::row).optional();
    }

    /** Counts one more check; the number it was. */
    int checked(String id) {
        jdbc.sql("update propagation_watch set checks = checks + 1 where id = ?").param(id).update();
        return jdbc.sql("select checks from propagation_watch where id = ?").param(id).query(Integer.class).single();
    }

    void end(String id) {
        jdbc.sql("delete from propagation_watch where id = ?").param(id).update();
    }

    private static Watch row(ResultSet rs, int row) throws SQLException {
        return new Watch(rs.getString("id"), "pull".equals(rs.getString("kind")), rs.getString("subject_id"), rs.getString("subject_name"),
                rs.getBoolean("colleague"), Locale.forLanguageTag(rs.getString("language")), rs.getString("conversation_json"), rs.getString("card_id"),
                rs.getString("previous_etag"), rs.getString("source_etag"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("deadline", OffsetDateTime.class).toInstant(), rs.getInt("checks"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
