package io.photosync.nudge;

/**
 * A request to nudge people to sync their photo.
 *
 * @param id the campaign id, carried in the nudge card so a tap can be traced back
 * @param requesterId who asked (an operator, or a scan)
 * @param language the language of the nudge card
 */
public record NudgeCampaign(String id, String requesterId, String language) {
}
