package io.photosync.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off, for when Microsoft gives no {@code Retry-After}: {@code first} after the
 * first failure, twice as long after each further one, never longer than {@code longest}. Jittered,
 * each wait gets up to half as much again at random, so callers refused together do not all come
 * back together.
 */
public record Backoff(Duration first, Duration longest, boolean jittered) {

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 < first <= longest, not " + first + " and " + longest);
        }
    }

    public static Backoff doubling(Duration first, Duration longest) {
        return new Backoff(first, longest, false);
    }

    public Backoff withJitter() {
        return new Backoff(first, longest, true);
    }

    /** The wait after {@code failures} failures in a row (1 for the first). */
    public Duration after(int failures) {
        Duration wait = first;
        for (int doubled = 1; doubled < failures && wait.compareTo(longest) < 0; doubled++) {
            wait = wait.multipliedBy(2);
        }
        if (jittered) {
            long millis = wait.toMillis();
            wait = wait.plusMillis(ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
