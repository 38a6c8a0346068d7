package io.photosync.bot;

import com.microsoft.bot.restclient.RestException;
import io.photosync.http.RetryAfter;
import io.photosync.http.Backoff;
import io.photosync.http.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a send to the Bot Connector that Teams refused for now: 429 (too fast), 412 (a
 * conflicting update), 502 and 504. Waits the {@code Retry-After} Teams gives, or a jittered
 * exponential back-off; the Java Bot Framework SDK retries none of these itself.
 */
final class ConnectorRetry {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRetry.class);
    private static final Set<Integer> TRANSIENT = Set.of(429, 412, 502, 504);

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration maxWait;
    private final Sleeper sleeper;

    /** @param firstBackOff the wait after the first refusal without {@code Retry-After}, doubled (jittered) after each further one */
    ConnectorRetry(int maxAttempts, Duration firstBackOff, Duration maxWait, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.backoff = Backoff.doubling(firstBackOff, maxWait).withJitter();
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    /** Runs the send, again after each transient refusal, until it succeeds or attempts run out. */
    <T> T run(String what, Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt >= maxAttempts) {
                    throw e;
                }
                RestException refused = restException(e);
                Duration wait = waitBefore(attempt, refused);
                log.info("Teams answered {} to {}; try {} of {} in {} ms", refused.response().code(), what, attempt + 1, maxAttempts, wait.toMillis());
                pause(wait);
            }
        }
    }

    /** Whether Teams refused a send only for now (and it should be retried, not replaced). */
    static boolean isTransient(Throwable error) {
        return refusal(error).map(refused -> TRANSIENT.contains(refused.response().code())).orElse(false);
    }

    /** Teams' HTTP answer inside an error from the SDK, if the error is one. */
    static Optional<RestException> refusal(Throwable error) {
        RestException refused = restException(error);
        return refused != null && refused.response() != null ? Optional.of(refused) : Optional.empty();
    }

    /** The {@code Retry-After} Teams sent with a refusal, in seconds, when it sent one. */
    static Optional<Duration> retryAfter(RestException refused) {
        return RetryAfter.parse(refused.response().headers().get("Retry-After"));
    }

    private Duration waitBefore(int attempt, RestException refused) {
        Duration wait = retryAfter(refused).orElseGet(() -> backoff.after(attempt));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static RestException restException(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestException rest) {
                return rest;
            }
        }
        return null;
    }
}
