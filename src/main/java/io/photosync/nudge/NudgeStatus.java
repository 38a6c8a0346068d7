package io.photosync.nudge;

/**
 * Where a campaign stands: each recipient is pending, sent, failed, or had no conversation.
 *
 * @param tapped recipients who tapped "Sync my photo" on the nudge
 * @param synced of those, how many syncs succeeded
 */
public record NudgeStatus(int recipients, int pending, int sent, int failed, int noConversation, int tapped, int synced) {
}
