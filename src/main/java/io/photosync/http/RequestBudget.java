package io.photosync.http;

import java.time.Duration;

/**
 * A budget of requests shared by every replica (SharePoint meters resource units per app per
 * minute, whichever replica spends them).
 */
public interface RequestBudget {

    /** Spends {@code units}; zero when they were available now, else how long until they will be (nothing spent). */
    Duration tryAcquire(int units);

    /**
     * Nobody spends anything for {@code wait} from now: the service asked the whole app to wait, so
     * every replica's next {@link #tryAcquire} waits too. Pausing again for less changes nothing.
     */
    default void pauseFor(Duration wait) {
    }

    /** No limit. */
    RequestBudget UNLIMITED = units -> Duration.ZERO;
}
