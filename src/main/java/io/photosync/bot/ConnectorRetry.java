package io.photosync.bot;

import com.microsoft.bot.restclient.RestException;
import io.photosync.http.RetryAfter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
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

    /** How the retry waits; tests keep time with their own. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration firstBackOff;
    private final Duration maxWait;
    private final Sleeper sleeper;

    ConnectorRetry(int maxAttempts, Duration firstBackOff, Duration maxWait, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.firstBackOff = firstBackOff;
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
    static java.util.Optional<RestException> refusal(Throwable error) {
        RestException refused = restException(error);
        return refused != null && refused.response() != null ? java.util.Optional.of(refused) : java.util.Optional.empty();
    }

    /** The {@code Retry-After} Teams sent with a refusal, in seconds, when it sent one. */
    static java.util.Optional<Duration> retryAfter(RestException refused) {
        return RetryAfter.parse(refused.response().headers().get("Retry-After"));
    }

    private Duration waitBefore(int attempt, RestException refused) {
        Duration wait = retryAfter(refused).orElseGet(() -> {
            long base = firstBackOff.toMillis() << (attempt - 1);
            return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        });
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
