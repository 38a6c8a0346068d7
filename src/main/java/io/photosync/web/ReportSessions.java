package io.photosync.web;

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
 *
 * <p>A flow is bound to the browser that started it by a nonce cookie; the session the callback
 * opens is confirmed only by a request that carries the same nonce. Entra's form post to the
 * callback is cross-site, so it cannot carry the nonce itself ({@code SameSite=Lax}); the
 * browser's next request, the redirect back to the report, does. A session someone else's flow
 * planted in a browser (login CSRF) is thrown away on first use.
 */
final class ReportSessions {

    /** One sign-in under way: where to go back to, the PKCE verifier for the code, the hash of the browser's nonce. */
    record Flow(String codeVerifier, String returnPath, String browserHash) {
    }

    /** A signed-in operator. */
    record Session(String objectId, String userPrincipalName) {
    }

    /** How long a sign-in may take, from the redirect to Entra to the callback; the browser's nonce cookie lives as long. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);

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

    /** Starts a flow for the browser holding {@code browserNonce}; returns its state (the value Entra hands back). */
    String startFlow(String codeVerifier, String returnPath, String browserNonce) {
        String state = Pages.random(24);
        jdbc.sql("insert into report_sign_in (state, code_verifier, return_path, created_at, browser_hash) values (?, ?, ?, ?, ?)")
                .params(state, codeVerifier, returnPath, clock.instant().atOffset(ZoneOffset.UTC), hash(browserNonce)).update();
        return state;
    }

    /** The flow of this state, once: a second callback with the same state finds nothing. */
    Optional<Flow> takeFlow(String state) {
        Optional<Flow> flow = jdbc.sql("select code_verifier, return_path, browser_hash from report_sign_in where state = ? and created_at > ?")
                .params(state, clock.instant().minus(FLOW_LIFETIME).atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Flow(rs.getString("code_verifier"), rs.getString("return_path"), rs.getString("browser_hash"))).optional();
        boolean taken = jdbc.sql("delete from report_sign_in where state = ?").param(state).update() == 1;
        jdbc.sql("delete from report_sign_in where created_at <= ?").param(clock.instant().minus(FLOW_LIFETIME).atOffset(ZoneOffset.UTC)).update();
        return taken ? flow : Optional.empty();
    }

    /** Opens a session, unconfirmed until the browser of {@code flow} uses it; returns the cookie value. */
    String open(String objectId, String userPrincipalName, Flow flow) {
        String cookie = Pages.random(32);
        jdbc.sql("delete from report_session where expires_at <= ?").param(clock.instant().atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into report_session (id_hash, object_id, user_principal_name, expires_at, browser_hash) values (?, ?, ?, ?, ?)")
                .params(hash(cookie), objectId, userPrincipalName, clock.instant().plus(lifetime).atOffset(ZoneOffset.UTC), flow.browserHash())
                .update();
        return cookie;
    }

    /**
     * The session of this cookie. Its first use must come with the nonce of the browser that
     * signed in, which confirms it; without it the session is deleted and nobody is signed in.
     */
    Optional<Session> find(String cookie, String browserNonce) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        record Row(Session session, String browserHash) {
        }
        Optional<Row> row = jdbc.sql("select object_id, user_principal_name, browser_hash from report_session where id_hash = ? and expires_at > ?")
                .params(hash(cookie), clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Row(new Session(rs.getString("object_id"), rs.getString("user_principal_name")), rs.getString("browser_hash")))
                .optional();
        if (row.isEmpty() || row.get().browserHash() == null) {
            return row.map(Row::session);
        }
        if (browserNonce != null && row.get().browserHash().equals(hash(browserNonce))) {
            jdbc.sql("update report_session set browser_hash = null where id_hash = ?").param(hash(cookie)).update();
            return row.map(Row::session);
        }
        jdbc.sql("delete from report_session where id_hash = ?").param(hash(cookie)).update();
        return Optional.empty();
    }

    private static String hash(String cookie) {
        if (cookie == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
