package io.photosync.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.MutableClock;
import io.photosync.TwoDatabases;
import io.photosync.sync.KeptPhoto;
import io.photosync.sync.ProfilePicture;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Photo history is bounded: the last N per person, nothing past its retention, nothing of a deleted account; on H2 and PostgreSQL. */
class JdbcPhotoVersionsTests {

    @RegisterExtension
    static final TwoDatabases DATABASES = new TwoDatabases();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));

    @ParameterizedTest
    @MethodSource("io.photosync.TwoDatabases#names")
    void keepsTheLastVersionsOfEachPersonNewestFirstWithTheirFilesAndProperties(String database) {
        JdbcPhotoVersions versions = versions(database, 3, Duration.ofDays(30));
        String first = versions.keep(picture("alice", 1));
        clock.advance(Duration.ofMinutes(1));
        String second = versions.keep(noPicture("alice"));
        clock.advance(Duration.ofMinutes(1));
        String third = versions.keep(picture("alice", 3));
        String bobs = versions.keep(picture("bob", 9));
        clock.advance(Duration.ofMinutes(1));
        String fourth = versions.keep(picture("ALICE", 4));

        assertThat(versions.of("alice")).extracting(KeptPhoto::id).containsExactly(fourth, third, second);
        assertThat(versions.find(first)).as("the oldest beyond three is gone").isEmpty();
        assertThat(versions.latest("Alice")).map(KeptPhoto::id).contains(fourth);
        assertThat(versions.of("bob")).extracting(KeptPhoto::id).containsExactly(bobs);
        KeptPhoto kept = versions.find(third).orElseThrow();
        assertThat(kept.picture()).isEqualTo(new ProfilePicture("https://contoso-my.sharepoint.com/p/alice_MThumb.jpg?t=3", "0", "6389003"));
        assertThat(kept.small()).containsExactly(3, 1);
        assertThat(kept.medium()).containsExactly(3, 2);
        assertThat(kept.large()).containsExactly(3, 3);
        assertThat(kept.hadPicture()).isTrue();
        assertThat(versions.find(second).orElseThrow().hadPicture()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("io.photosync.TwoDatabases#names")
    void prunesWhatIsPastItsRetentionAndWhatADeletedAccountLeft(String database) {
        JdbcPhotoVersions versions = versions(database, 3, Duration.ofDays(30));
        String old = versions.keep(picture("alice", 1));
        clock.advance(Duration.ofDays(29));
        String recent = versions.keep(picture("alice", 2));
        String deleted = versions.keep(picture("gone", 3));
        clock.advance(Duration.ofDays(2));

        assertThat(versions.find(old)).as("past its retention it cannot be restored, pruned or not").isEmpty();
        int removed = versions.prune(Set.of("alice")::contains);

        assertThat(removed).isEqualTo(2);
        assertThat(versions.of("alice")).extracting(KeptPhoto::id).containsExactly(recent);
        assertThat(versions.find(deleted)).isEmpty();
        assertThat(rows(database)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("io.photosync.TwoDatabases#names")
    void turnedOffItKeepsNothingAndPruningRemovesWhatWasKept(String database) {
        JdbcPhotoVersions on = versions(database, 3, Duration.ofDays(30));
        String kept = on.keep(picture("alice", 1));
        JdbcPhotoVersions off = new JdbcPhotoVersions(jdbc, transactions, new HistoryProperties(0, Duration.ofDays(30), Duration.ofHours(6)), clock);

        assertThat(off.keeping()).isFalse();
        assertThat(off.find(kept)).isEmpty();
        assertThat(off.of("alice")).isEmpty();
        assertThat(off.prune(subject -> true)).isEqualTo(1);
        assertThat(rows(database)).isZero();
    }

    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    private JdbcPhotoVersions versions(String database, int count, Duration retention) {
        DataSource dataSource = DATABASES.fresh(database);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return new JdbcPhotoVersions(jdbc, transactions, new HistoryProperties(count, retention, Duration.ofHours(6)), clock);
    }

    private int rows(String database) {
        return jdbc.sql("select count(*) from photo_version").query(Integer.class).single();
    }

    private KeptPhoto picture(String subject, int n) {
        return new KeptPhoto(null, subject, clock.instant(),
                new ProfilePicture("https://contoso-my.sharepoint.com/p/" + subject.toLowerCase() + "_MThumb.jpg?t=" + n, "0", "638900" + n),
                new byte[] {(byte) n, 1}, new byte[] {(byte) n, 2}, new byte[] {(byte) n, 3});
    }

    private KeptPhoto noPicture(String subject) {
        return new KeptPhoto(null, subject, clock.instant(), new ProfilePicture("", "1", null), null, null, null);
    }
}
