package io.photosync.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent page's flows in progress ({@code consent_state}): each state usable once, for a while. */
final class ConsentStates {

    /** What the callback needs to finish the flow. */
    record InProgress(String requestId, String subjectId, String codeVerifier) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsentStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Remembers a flow: its state, the request it is for, and the PKCE verifier. */
    void save(String state, WaitingSignIns.Waiting request, String codeVerifier) {
        jdbc.sql("insert into consent_state (state, request_id, subject_id, code_verifier, created_at) values (?, ?, ?, ?, ?)")
                .params(state, request.id(), request.subjectId(), codeVerifier, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** The flow, taken (deleted) so its state is used once; empty when unknown or older than {@code maxAge}. */
    Optional<InProgress> take(String state, Duration maxAge) {
        Optional<InProgress> found = jdbc.sql("select request_id, subject_id, code_verifier from consent_state where state = ? and created_at > ?")
                .params(state, clock.instant().minus(maxAge).atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new InProgress(rs.getString("request_id"), rs.getString("subject_id"), rs.getString("code_verifier")))
                .optional();
        int taken = jdbc.sql("delete from consent_state where state = ?").param(state).update();
        return taken == 1 ? found : Optional.empty();
    }
}
