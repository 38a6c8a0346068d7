package io.photosync.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a turn that failed inside the bot: with its stack trace at most once a minute, in one line
 * otherwise. A bug a stream of activities trips over must be found in the log, not fill it.
 */
final class TurnErrors {

    private static final Logger log = LoggerFactory.getLogger(TurnErrors.class);
    private static final Duration TRACE_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private Instant lastTrace = Instant.EPOCH;

    TurnErrors(Clock clock) {
        this.clock = clock;
    }

    void failed(String activityType, Throwable error) {
        boolean trace;
        synchronized (this) {
            Instant now = clock.instant();
            trace = now.isAfter(lastTrace.plus(TRACE_EVERY));
            if (trace) {
                lastTrace = now;
            }
        }
        if (trace) {
            log.error("the bot failed on a {} activity", RefusalLog.escape(activityType), error);
        } else {
            log.error("the bot failed on a {} activity: {}: {}", RefusalLog.escape(activityType), error.getClass().getSimpleName(),
                    RefusalLog.escape(error.getMessage()));
        }
    }
}
