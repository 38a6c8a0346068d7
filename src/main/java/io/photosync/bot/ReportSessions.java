package io.photosync.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report pages' browser sign-in: the PKCE flows under way ({@code report_sign_in}) and the
 * operator sessions they open ({@code report_session}), in the database so that any replica
 * answers. A session is kept by the SHA-256 of its cookie, so a copy of the table opens nothing.
 */
final class ReportSessions {

    /** One sign-in under way: where to go back to, and the PKCE verifier for the code. */
    record Flow(String codeVerifier, String returnPath) {
    }

    /** A signed-in operator. */
    record Session(String objectId, String userPrincipalName) {
    }

    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock;

    ReportSessions(JdbcClient jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Starts a flow; returns its state (the value Entra hands back). */
    String startFlow(String codeVerifier, String returnPath) {
        String state = Pages.random(24);
        jdbc.sql("insert into report_sign_in (state, code_verifier, return_path, created_at) values (?, ?, ?, ?)")
                .params(state, codeVerifier, returnPath, clock.instant().atOffset(ZoneOffset.UTC)).update();
        return state;
    }

    /** The flow of this state, once: a second callback with the same state finds nothing. */
    Optional<Flow> takeFlow(String state) {
        Optional<Flow> flow = jdbc.sql("select code_verifier, return_path from report_sign_in where state = ? and created_at > ?")
                .params(state, clock.instant().minus(FLOW_LIFETIME).atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Flow(rs.getString("code_verifier"), rs.getString("return_path"))).optional();
        boolean taken = jdbc.sql("delete from report_sign_in where state = ?").param(state).update() == 1;
        jdbc.sql("delete from report_sign_in where created_at <= ?").param(clock.instant().minus(FLOW_LIFETIME).atOffset(ZoneOffset.UTC)).update();
        return taken ? flow : Optional.empty();
    }

    /** Opens a session; returns the cookie value. */
    String open(String objectId, String userPrincipalName) {
        String cookie = Pages.random(32);
        jdbc.sql("delete from report_session where expires_at <= ?").param(clock.instant().atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into report_session (id_hash, object_id, user_principal_name, expires_at) values (?, ?, ?, ?)")
                .params(hash(cookie), objectId, userPrincipalName, clock.instant().plus(lifetime).atOffset(ZoneOffset.UTC)).update();
        return cookie;
    }

    Optional<Session> find(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select object_id, user_principal_name from report_session where id_hash = ? and expires_at > ?")
                .params(hash(cookie), clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Session(rs.getString("object_id"), rs.getString("user_principal_name"))).optional();
    }

    private static String hash(String cookie) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
