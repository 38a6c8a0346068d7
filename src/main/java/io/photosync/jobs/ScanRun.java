package io.photosync.jobs;

/**
 * A tenant scan as started: by whom, what to do with what it finds, and where to report.
 *
 * @param action {@code report} (only), {@code fix} (an app-only sync job per stale or missing photo) or {@code nudge}
 * @param conversationJson where the requester's card is; null for a scan nobody watches
 * @param cardId the card updated with progress and the result
 */
public record ScanRun(String id, String requesterId, String action, String language, String conversationJson, String cardId) {
}
