package io.photosync.sandbox;

/**
 * One call the tenant received, kept so tests can check what was sent (never the body).
 *
 * @param receivedNanos when it arrived, on {@link System#nanoTime()}'s clock
 */
public record ReceivedRequest(String method, String path, String userAgent, long receivedNanos) {
}
