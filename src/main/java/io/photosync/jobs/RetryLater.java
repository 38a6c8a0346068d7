package io.photosync.jobs;

import java.time.Instant;

/** Thrown by a task to have db-scheduler run it again at {@code when}; not a failure. */
final class RetryLater extends RuntimeException {

    final Instant when;

    RetryLater(Instant when, String why) {
        super(why, null, false, false);
        this.when = when;
    }
}
