package io.photosync.nudge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code nudge_campaign} and {@code nudge_delivery} tables. */
final class JdbcNudgeStore {

    private final JdbcClient jdbc;

    JdbcNudgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(NudgeCampaign campaign, List<String> recipients, Instant now) {
        jdbc.sql("insert into nudge_campaign (id, requester_id, language, created_at) values (?, ?, ?, ?)")
                .params(campaign.id(), campaign.requesterId(), campaign.language(), time(now)).update();
        for (String recipient : recipients) {
            jdbc.sql("insert into nudge_delivery (campaign_id, recipient_id, state, attempts, updated_at) values (?, ?, 'PENDING', 0, ?)")
                    .params(campaign.id(), recipient, time(now)).update();
        }
    }

    Optional<NudgeCampaign> campaign(String id) {
        return jdbc.sql("select id, requester_id, language from nudge_campaign where id = ?").param(id)
                .query((rs, n) -> new NudgeCampaign(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<DeliveryState> state(String campaignId, String recipientId) {
        return jdbc.sql("select state from nudge_delivery where campaign_id = ? and recipient_id = ?").params(campaignId, recipientId)
                .query(String.class).optional().map(DeliveryState::valueOf);
    }

    int startAttempt(String campaignId, String recipientId, Instant now) {
        jdbc.sql("update nudge_delivery set attempts = attempts + 1, updated_at = ? where campaign_id = ? and recipient_id = ?")
                .params(time(now), campaignId, recipientId).update();
        return jdbc.sql("select attempts from nudge_delivery where campaign_id = ? and recipient_id = ?").params(campaignId, recipientId)
                .query(Integer.class).single();
    }

    void record(String campaignId, String recipientId, DeliveryState state, String reason, String activityId, Instant now) {
        jdbc.sql("update nudge_delivery set state = ?, reason = ?, activity_id = ?, updated_at = ? where campaign_id = ? and recipient_id = ?")
                .params(state.name(), reason, activityId, time(now), campaignId, recipientId).update();
    }

    void tapped(String campaignId, String recipientId, String syncJobId, Instant now) {
        jdbc.sql("update nudge_delivery set tapped_at = coalesce(tapped_at, ?), sync_job_id = ?, updated_at = ? where campaign_id = ? and recipient_id = ?")
                .params(time(now), syncJobId, time(now), campaignId, recipientId).update();
    }

    NudgeStatus status(String campaignId) {
        return jdbc.sql("select count(*), "
                        + "sum(case when d.state = 'PENDING' then 1 else 0 end), sum(case when d.state = 'SENT' then 1 else 0 end), "
                        + "sum(case when d.state = 'FAILED' then 1 else 0 end), sum(case when d.state = 'NO_REFERENCE' then 1 else 0 end), "
                        + "sum(case when d.tapped_at is not null then 1 else 0 end), sum(case when j.state = 'DONE' then 1 else 0 end) "
                        + "from nudge_delivery d left join sync_job j on j.id = d.sync_job_id where d.campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new NudgeStatus(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .single();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
