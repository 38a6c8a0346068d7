package io.photosync.bot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * New photos waiting for an approver ({@code photo_approval}) and the cards approvers were sent
 * about them ({@code photo_approval_card}): in the database, so a decision after a restart, or on
 * another replica, finds everything it needs. The first decision counts; a later one finds it taken.
 */
final class PhotoApprovals {

    /** A photo waiting, and where the person's card is. */
    record Waiting(String photoId, String subjectId, String subjectName, Locale language, String conversationJson, String cardId,
                   Instant expiresAt) {
    }

    /** The card one approver was sent. */
    record ApproverCard(String approverId, String conversationJson, String cardId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PhotoApprovals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the request; false when it was recorded already (Teams delivered the tap twice). */
    boolean request(Waiting waiting) {
        try {
            insert(waiting);
            return true;
        } catch (DuplicateKeyException repeated) {
            return false;
        }
    }

    private void insert(Waiting waiting) {
        jdbc.sql("insert into photo_approval (photo_id, subject_id, subject_name, language, conversation_json, card_id, requested_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(waiting.photoId(), waiting.subjectId(), waiting.subjectName(), waiting.language().toLanguageTag(),
                        waiting.conversationJson(), waiting.cardId(), time(clock.instant()), time(waiting.expiresAt()))
                .update();
    }

    void addCard(String photoId, String approverId, String conversationJson, String cardId) {
        jdbc.sql("insert into photo_approval_card (photo_id, approver_id, conversation_json, card_id) values (?, ?, ?, ?)")
                .params(photoId, approverId, conversationJson, cardId).update();
    }

    /** The person's card, when it was sent only now (the request was typed, not tapped). */
    void cardShown(String photoId, String cardId) {
        jdbc.sql("update photo_approval set card_id = ? where photo_id = ? and card_id is null").params(cardId, photoId).update();
    }

    /** The photo, while it waits: undecided and not expired. */
    Optional<Waiting> waiting(String photoId) {
        return jdbc.sql("select * from photo_approval where photo_id = ? and decision is null and expires_at > ?")
                .params(photoId, time(clock.instant())).query(PhotoApprovals::row).optional();
    }

    /** Records the decision if none was made yet and the photo still waits; whether this one counted. */
    boolean decide(String photoId, String approverId, String approverName, boolean approved, String reason) {
        return jdbc.sql("update photo_approval set decision = ?, decided_by = ?, decided_by_name = ?, reason = ? "
                        + "where photo_id = ? and decision is null and expires_at > ?")
                .params(approved ? "approved" : "rejected", approverId, approverName, reason == null ? null : shortened(reason),
                        photoId, time(clock.instant()))
                .update() == 1;
    }

    List<ApproverCard> cards(String photoId) {
        return jdbc.sql("select approver_id, conversation_json, card_id from photo_approval_card where photo_id = ?").param(photoId)
                .query((rs, row) -> new ApproverCard(rs.getString("approver_id"), rs.getString("conversation_json"), rs.getString("card_id")))
                .list();
    }

    /** Photos nobody decided on in time. */
    List<Waiting> expired() {
        return jdbc.sql("select * from photo_approval where decision is null and expires_at <= ?").param(time(clock.instant()))
                .query(PhotoApprovals::row).list();
    }

    /** Forgets a photo's approval and its approvers' cards. */
    void forget(String photoId) {
        jdbc.sql("delete from photo_approval_card where photo_id = ?").param(photoId).update();
        jdbc.sql("delete from photo_approval where photo_id = ?").param(photoId).update();
    }

    private static Waiting row(ResultSet rs, int row) throws SQLException {
        return new Waiting(rs.getString("photo_id"), rs.getString("subject_id"), rs.getString("subject_name"),
                Locale.forLanguageTag(rs.getString("language")), rs.getString("conversation_json"), rs.getString("card_id"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

    private static String shortened(String reason) {
        String plain = reason.strip();
        return plain.length() <= 500 ? plain : plain.substring(0, 499) + "…";
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
