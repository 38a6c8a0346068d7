package io.photosync.http;

import java.time.Duration;

/**
 * A budget of requests shared by every replica (SharePoint meters resource units per app per
 * minute, whichever replica spends them).
 */
public interface RequestBudget {

    /** Spends {@code units}; zero when they were available now, else how long until they will be (nothing spent). */
    Duration tryAcquire(int units);

    /** No limit. */
    RequestBudget UNLIMITED = units -> Duration.ZERO;
}
