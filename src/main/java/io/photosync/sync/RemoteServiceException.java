package io.photosync.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * A fault reported by a remote service behind one of the ports. Each adapter has its own subclass
 * and parses the service's error format in exactly one place; the core decides by {@link #kind()}.
 */
public abstract class RemoteServiceException extends RuntimeException {

    /** What kind of fault this is, as far as the core is concerned. */
    public enum Kind {
        /** The service asked us to slow down (429, or 503 with Retry-After). */
        THROTTLED,
        /** The caller lacks a permission or role; an admin must grant it. */
        PERMISSION_DENIED,
        /** The credentials were rejected (wrong kind, expired, wrong audience). */
        UNAUTHENTICATED,
        /** A transient failure; trying again later may succeed. */
        UNAVAILABLE,
        /** The service refused the request for another reason. */
        REJECTED
    }

    private final Kind kind;
    private final Duration retryAfter;

    protected RemoteServiceException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the service asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
