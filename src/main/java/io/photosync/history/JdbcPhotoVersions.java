package io.photosync.history;

import io.photosync.sync.KeptPhoto;
import io.photosync.sync.PhotoVersions;
import io.photosync.sync.ProfilePicture;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Photo history in the database ({@code photo_version}), bounded per person and in time. */
public final class JdbcPhotoVersions implements PhotoVersions {

    private static final int MAX_URL = 2000;
    /** How many people's versions one pruning pass checks against the directory. */
    static final int PEOPLE_PER_PASS = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final HistoryProperties properties;
    private final Clock clock;

    JdbcPhotoVersions(JdbcClient jdbc, TransactionTemplate transactions, HistoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean keeping() {
        return properties.versions() > 0;
    }

    @Override
    public String keep(KeptPhoto photo) {
        String id = UUID.randomUUID().toString();
        ProfilePicture picture = photo.picture();
        String url = picture.pictureUrl() == null || picture.pictureUrl().length() <= MAX_URL ? picture.pictureUrl() : null;
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into photo_version (id, subject_id, kept_at, picture_url, placeholder_state, picture_timestamp, "
                            + "small_jpeg, medium_jpeg, large_jpeg) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, photo.subjectId().toLowerCase(), photo.keptAt().atOffset(ZoneOffset.UTC), url, shortened(picture.placeholderState(), 16),
                            shortened(picture.timestamp(), 32), photo.small(), photo.medium(), photo.large())
                    .update();
            List<String> beyond = jdbc.sql("select id from photo_version where subject_id = ? order by kept_at desc, id desc offset ?")
                    .params(photo.subjectId().toLowerCase(), properties.versions()).query(String.class).list();
            beyond.forEach(old -> jdbc.sql("delete from photo_version where id = ?").param(old).update());
        });
        return id;
    }

    @Override
    public Optional<KeptPhoto> find(String versionId) {
        if (versionId == null || !keeping()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from photo_version where id = ? and kept_at > ?").params(versionId, oldestKept())
                .query(JdbcPhotoVersions::version).optional();
    }

    @Override
    public List<KeptPhoto> of(String subjectId) {
        return newest(subjectId, properties.versions());
    }

    /** One row, not the person's every version with its files. */
    @Override
    public Optional<KeptPhoto> latest(String subjectId) {
        return newest(subjectId, 1).stream().findFirst();
    }

    private List<KeptPhoto> newest(String subjectId, int count) {
        if (!keeping()) {
            return List.of();
        }
        return jdbc.sql("select * from photo_version where subject_id = ? and kept_at > ? order by kept_at desc, id desc limit ?")
                .params(subjectId.toLowerCase(), oldestKept(), count).query(JdbcPhotoVersions::version).list();
    }

    /**
     * Removes versions past their retention, then those of people the directory no longer has
     * (checked a pass at a time, oldest-kept people first); with history turned off, every
     * version. Returns how many were removed.
     */
    int prune(Predicate<String> accountExists) {
        if (!keeping()) {
            return jdbc.sql("delete from photo_version").update();
        }
        int expired = jdbc.sql("delete from photo_version where kept_at <= ?").param(oldestKept()).update();
        List<String> people = jdbc.sql("select subject_id from photo_version group by subject_id order by min(kept_at) limit ?")
                .param(PEOPLE_PER_PASS).query(String.class).list();
        int gone = 0;
        for (String subjectId : people) {
            if (!accountExists.test(subjectId)) {
                gone += jdbc.sql("delete from photo_version where subject_id = ?").param(subjectId).update();
            }
        }
        return expired + gone;
    }

    private OffsetDateTime oldestKept() {
        return clock.instant().minus(properties.retention()).atOffset(ZoneOffset.UTC);
    }

    private static String shortened(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static KeptPhoto version(ResultSet rs, int row) throws SQLException {
        return new KeptPhoto(rs.getString("id"), rs.getString("subject_id"), rs.getObject("kept_at", OffsetDateTime.class).toInstant(),
                new ProfilePicture(rs.getString("picture_url"), rs.getString("placeholder_state"), rs.getString("picture_timestamp")),
                rs.getBytes("small_jpeg"), rs.getBytes("medium_jpeg"), rs.getBytes("large_jpeg"));
    }
}
