package io.photosync.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code signed_in_person}: who each validated SSO token said a person is, until it expired. */
final class SignedInPeople {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SignedInPeople(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void save(String objectId, String userPrincipalName, Set<String> roles, Instant expiresAt) {
        String joined = roles.stream().sorted().collect(Collectors.joining(" "));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from signed_in_person where subject_id = ?").param(objectId).update();
            jdbc.sql("insert into signed_in_person (subject_id, user_principal_name, roles, expires_at) values (?, ?, ?, ?)")
                    .params(objectId, userPrincipalName, joined, expiresAt.atOffset(ZoneOffset.UTC)).update();
        });
    }

    Optional<SignedInPerson> find(String objectId, Instant now) {
        return jdbc.sql("select user_principal_name, roles from signed_in_person where subject_id = ? and expires_at > ?")
                .params(objectId, now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new SignedInPerson(objectId, rs.getString("user_principal_name"),
                        Arrays.stream(rs.getString("roles").split(" ")).filter(role -> !role.isBlank()).collect(Collectors.toUnmodifiableSet())))
                .optional();
    }

    void forget(String objectId) {
        jdbc.sql("delete from signed_in_person where subject_id = ?").param(objectId).update();
    }
}
