package io.photosync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.MutableClock;
import io.photosync.TwoDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A scan reads the last synced ETags of a batch in one query: the same answers as one person at a time, on H2 and PostgreSQL. */
class SyncHistoryTests {

    @RegisterExtension
    static final TwoDatabases DATABASES = new TwoDatabases();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));

    @ParameterizedTest
    @MethodSource("io.photosync.TwoDatabases#names")
    void aBatchGetsEachPersonsNewestSyncedEtagAndNothingForThoseNeverSynced(String database) {
        AuditLog audit = new AuditLog(JdbcClient.create(DATABASES.fresh(database)), clock);
        record(audit, "alice", "synced", "\"a1\"");
        clock.advance(Duration.ofMinutes(1));
        record(audit, "alice", "changed", "\"a2\"");
        clock.advance(Duration.ofMinutes(1));
        record(audit, "alice", "failed", "\"a3\"");
        record(audit, "bob", "restored", "\"b1\"");
        record(audit, "carol", "queued", "\"c1\"");
        record(audit, "dave", "synced", null);

        Map<String, String> etags = audit.lastSyncedEtags(List.of("alice", "bob", "carol", "dave", "erin"));

        assertThat(etags).containsExactlyInAnyOrderEntriesOf(Map.of("alice", "\"a2\"", "bob", "\"b1\""));
        for (String person : List.of("alice", "bob", "carol", "dave", "erin")) {
            assertThat(audit.lastSyncedEtag(person)).as(person).isEqualTo(Optional.ofNullable(etags.get(person)));
        }
        assertThat(audit.lastSyncedEtags(List.of())).isEmpty();
    }

    private static void record(AuditLog audit, String subject, String outcome, String etagAfter) {
        audit.record(AuditEvent.of(AuditAction.SYNC_COLLEAGUE, new AuditEvent.Person("operator", null), new AuditEvent.Person(subject, subject + "@contoso.com"),
                outcome).withPhoto(null, etagAfter, null).correlatedWith("job-" + subject));
    }
}
