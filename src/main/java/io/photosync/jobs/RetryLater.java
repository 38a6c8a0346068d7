package io.photosync.jobs;

import java.time.Instant;

/** Thrown by a task to have db-scheduler run it again at {@code when}; not a failure. */
public final class RetryLater extends RuntimeException {

    final Instant when;

    public RetryLater(Instant when, String why) {
        super(why, null, false, false);
        this.when = when;
    }
}
