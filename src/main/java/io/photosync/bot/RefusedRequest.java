package io.photosync.bot;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request to {@code /api/messages} that is answered without a turn: the status and a short
 * reason of our own words (never a value from the request, never a class name), and for our own
 * outages how long to wait. The controller turns it into the JSON answer and one log line.
 */
final class RefusedRequest extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    RefusedRequest(HttpStatus status, String reason) {
        this(status, reason, null);
    }

    RefusedRequest(HttpStatus status, String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return getMessage();
    }

    /** Null unless the caller should come back (503). */
    Duration retryAfter() {
        return retryAfter;
    }
}
