package io.photosync.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a run's action is: the syncs (or nudges) that succeeded, failed, and are still to go.
 *
 * @param leftOut people the run would have acted on but may not (outside the helpdesk scope, guests)
 * @param actedAt when the run queued its work; null before
 */
public record RunProgress(int done, int failed, int remaining, int leftOut, Instant actedAt) {

    public static final RunProgress NONE = new RunProgress(0, 0, 0, 0, null);

    public int total() {
        return done + failed + remaining;
    }

    public boolean finished() {
        return remaining == 0;
    }

    /**
     * When the rest should be done at the pace so far; empty until something has ended. The pace is
     * the real one (SharePoint's budget, throttling), so it is a fair guess, not a promise.
     */
    public Optional<Duration> timeLeft(Instant now) {
        int ended = done + failed;
        if (actedAt == null || ended == 0 || remaining == 0) {
            return Optional.empty();
        }
        long elapsed = Math.max(1, Duration.between(actedAt, now).toMillis());
        return Optional.of(Duration.ofMillis(elapsed * remaining / ended));
    }
}
