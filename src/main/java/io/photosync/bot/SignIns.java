package io.photosync.bot;

import io.photosync.jobs.JobPerson;
import io.photosync.jobs.SyncJobRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests waiting for their sender to sign in ({@code sign_in_request}), and the claim on each
 * {@code signin/tokenExchange} ({@code token_exchange_claim}) that lets exactly one of a person's Teams
 * clients, on exactly one replica, spend the SSO token.
 */
final class SignIns {

    /**
     * A request that will run once its sender is signed in: their own sync (from a card when
     * {@code cardId} is set), or a typed {@code command} to read again.
     */
    record Pending(String id, String requestKey, String subjectId, String language, String conversationJson, String cardId, String nudgeId,
                   String command) {

        SyncJobRequest toJobRequest() {
            return SyncJobRequest.own(requestKey, JobPerson.id(subjectId), language, conversationJson);
        }
    }

    /** How long a request waits for its sender to sign in, and an exchange id is remembered. */
    static final Duration KEPT_FOR = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignIns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the request; empty when the same request (a repeated delivery) is already waiting. */
    Optional<Pending> open(SyncJobRequest request, String cardId, String nudgeId, String command) {
        forgetOld();
        Pending pending = new Pending(UUID.randomUUID().toString(), request.requestKey(), request.requesterId(), request.language(),
                request.conversationJson(), cardId, nudgeId, command);
        try {
            jdbc.sql("insert into sign_in_request (id, request_key, subject_id, language, conversation_reference, card_id, nudge_id, command, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(pending.id(), pending.requestKey(), pending.subjectId(), pending.language(), pending.conversationJson(),
                            cardId, nudgeId, command, clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return Optional.of(pending);
        } catch (DuplicateKeyException repeated) {
            return Optional.empty();
        }
    }

    /** Sign-ins nobody finished within a day, and the exchange claims and consent flows of that age, are dropped. */
    private void forgetOld() {
        var before = clock.instant().minus(KEPT_FOR).atOffset(ZoneOffset.UTC);
        jdbc.sql("delete from sign_in_request where created_at < ?").param(before).update();
        jdbc.sql("delete from token_exchange_claim where claimed_at < ?").param(before).update();
        jdbc.sql("delete from consent_state where created_at < ?").param(before).update();
    }

    /** The id a sign-in card carries in {@code tokenExchangeResource.id}: new for every card sent. */
    static String exchangeIdFor(Pending pending) {
        return pending.id() + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * True for this person's first claim of this exchange id, on any replica; false for every
     * repeat. Per person: another account presenting the same id claims nothing of theirs.
     */
    boolean claim(String exchangeId, String subjectId) {
        try {
            jdbc.sql("insert into token_exchange_claim (exchange_id, subject_id, claimed_at) values (?, ?, ?)")
                    .params(exchangeId, subjectId, clock.instant().atOffset(ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException repeated) {
            return false;
        }
    }

    /**
     * Whether this exchange id may be claimed by this person: ids of our own sign-in cards
     * ({@code <request id>.<nonce>}) belong to whoever the request is waiting for; others (Teams'
     * own, an OAuth card's) to anyone, each person claiming them for themselves.
     */
    boolean mayClaim(String exchangeId, String subjectId) {
        if (!exchangeId.contains(".")) {
            return true;
        }
        String requestId = exchangeId.substring(0, exchangeId.indexOf('.'));
        return jdbc.sql("select subject_id from sign_in_request where id = ?").param(requestId).query(String.class).optional()
                .map(owner -> owner.equalsIgnoreCase(subjectId)).orElse(true);
    }

    /** Marks the request behind this exchange id done and returns it, if it is the sender's and still waiting. */
    Optional<Pending> complete(String exchangeId, String subjectId) {
        String requestId = exchangeId.contains(".") ? exchangeId.substring(0, exchangeId.indexOf('.')) : exchangeId;
        int updated = jdbc.sql("update sign_in_request set completed_at = ? where id = ? and subject_id = ? and completed_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), requestId, subjectId).update();
        return updated == 1 ? find("id = ?", requestId) : Optional.empty();
    }

    /** A request still waiting for sign-in, by its id (the consent page's link carries it). */
    Optional<Pending> waiting(String requestId) {
        return find("id = ? and completed_at is null", requestId);
    }

    /** The sender's most recent request still waiting for sign-in. */
    Optional<Pending> latestOpen(String subjectId) {
        return find("subject_id = ? and completed_at is null order by created_at desc limit 1", subjectId);
    }

    private Optional<Pending> find(String where, String value) {
        return jdbc.sql("select id, request_key, subject_id, language, conversation_reference, card_id, nudge_id, command from sign_in_request where " + where)
                .param(value)
                .query((rs, row) -> new Pending(rs.getString("id"), rs.getString("request_key"), rs.getString("subject_id"),
                        rs.getString("language"), rs.getString("conversation_reference"), rs.getString("card_id"), rs.getString("nudge_id"),
                        rs.getString("command")))
                .optional();
    }
}
