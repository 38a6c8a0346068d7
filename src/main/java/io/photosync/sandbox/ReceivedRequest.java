package io.photosync.sandbox;

/**
 * One call the tenant received, kept so tests can check what was sent (never the body).
 *
 * @param host the host name the call was addressed to (its {@code Host}, without the port)
 * @param path the path as the tenant routes it: Graph's below {@code /graph}, SharePoint's below {@code /sp-my} or {@code /sp-admin}, whichever host it came to
 * @param receivedNanos when it arrived, on {@link System#nanoTime()}'s clock
 */
public record ReceivedRequest(String method, String host, String path, String userAgent, long receivedNanos) {
}
