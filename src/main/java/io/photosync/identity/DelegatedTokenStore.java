package io.photosync.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delegated access tokens of each person, per resource, in {@code delegated_token}, so the
 * replica that runs a person's sync job can write with their rights whichever replica signed them
 * in. Sealed with AES-256-GCM; the person's object id and the scope are the associated data, so a
 * sealed token moved to another person's row fails to open rather than acting for them.
 */
final class DelegatedTokenStore {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DelegatedTokenStore(JdbcClient jdbc, TransactionTemplate transactions, SecretKey key, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.clock = clock;
    }

    void save(String subjectId, String scope, String accessToken, Instant expiresAt) {
        String sealed = seal(subjectId, scope, accessToken);
        OffsetDateTime expires = expiresAt.atOffset(ZoneOffset.UTC);
        transactions.executeWithoutResult(status -> {
            purgeExpired();
            jdbc.sql("delete from delegated_token where subject_id = ? and scope = ?").params(subjectId, scope).update();
            jdbc.sql("insert into delegated_token (subject_id, scope, sealed, expires_at) values (?, ?, ?, ?)")
                    .params(subjectId, scope, sealed, expires).update();
        });
    }

    /** The person's token for the scope if it is still valid at {@code validUntil}. */
    Optional<String> find(String subjectId, String scope, Instant validUntil) {
        return jdbc.sql("select sealed from delegated_token where subject_id = ? and scope = ? and expires_at > ?")
                .params(subjectId, scope, validUntil.atOffset(ZoneOffset.UTC))
                .query(String.class).optional()
                .flatMap(sealed -> open(subjectId, scope, sealed));
    }

    void forget(String subjectId) {
        jdbc.sql("delete from delegated_token where subject_id = ?").param(subjectId).update();
    }

    /** Drops tokens that have expired (on every save): nobody can use them any more. */
    private int purgeExpired() {
        return jdbc.sql("delete from delegated_token where expires_at < ?").param(clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private String seal(String subjectId, String scope, String token) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(subjectId, scope));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a delegated token could not be sealed", e);
        }
    }

    /** Empty when the row was sealed under another key or for another person or scope. */
    private Optional<String> open(String subjectId, String scope, String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData(subjectId, scope));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(String subjectId, String scope) {
        return (subjectId.toLowerCase() + "\n" + scope).getBytes(StandardCharsets.UTF_8);
    }
}
