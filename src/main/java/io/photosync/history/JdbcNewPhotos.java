package io.photosync.history;

import io.photosync.sync.NewPhoto;
import io.photosync.sync.NewPhotos;
import io.photosync.sync.PreparedPhoto;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** New photos waiting for "Use it" ({@code new_photo}); an expired one is never found, and its bytes are deleted. */
final class JdbcNewPhotos implements NewPhotos {

    private final JdbcClient jdbc;
    private final Duration expireAfter;
    private final Clock clock;

    JdbcNewPhotos(JdbcClient jdbc, Duration expireAfter, Clock clock) {
        this.jdbc = jdbc;
        this.expireAfter = expireAfter;
        this.clock = clock;
    }

    @Override
    public NewPhoto keep(String subjectId, String requesterId, PreparedPhoto photo) {
        purgeExpired();
        Instant now = clock.instant();
        NewPhoto kept = new NewPhoto(UUID.randomUUID().toString(), subjectId.toLowerCase(), requesterId.toLowerCase(), photo.jpeg(),
                photo.preview(), now.plus(expireAfter), null);
        jdbc.sql("insert into new_photo (id, subject_id, requester_id, jpeg, preview_jpeg, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(kept.id(), kept.subjectId(), kept.requesterId(), kept.jpeg(), kept.preview(), time(now), time(kept.expiresAt()))
                .update();
        return kept;
    }

    @Override
    public Optional<NewPhoto> find(String id) {
        return jdbc.sql("select * from new_photo where id = ? and expires_at > ?").params(id, time(clock.instant()))
                .query(JdbcNewPhotos::row).optional();
    }

    @Override
    public boolean discard(String id) {
        return jdbc.sql("delete from new_photo where id = ?").param(id).update() > 0;
    }

    @Override
    public boolean awaitApproval(String id, Instant until) {
        return jdbc.sql("update new_photo set expires_at = ? where id = ? and expires_at > ?").params(time(until), id, time(clock.instant())).update() > 0;
    }

    @Override
    public boolean approve(String id, String approverId) {
        return jdbc.sql("update new_photo set approved_by = ? where id = ? and approved_by is null and expires_at > ?")
                .params(approverId.toLowerCase(), id, time(clock.instant())).update() > 0;
    }

    /** Deletes the photos nobody used in time; how many. */
    int purgeExpired() {
        return jdbc.sql("delete from new_photo where expires_at <= ?").param(time(clock.instant())).update();
    }

    private static NewPhoto row(ResultSet rs, int row) throws SQLException {
        return new NewPhoto(rs.getString("id"), rs.getString("subject_id"), rs.getString("requester_id"), rs.getBytes("jpeg"),
                rs.getBytes("preview_jpeg"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getString("approved_by"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
