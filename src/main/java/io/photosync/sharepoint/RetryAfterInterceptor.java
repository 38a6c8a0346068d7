package io.photosync.sharepoint;

import io.photosync.http.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import io.photosync.http.Backoff;
import io.photosync.http.Sleeper;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries SharePoint's "slow down" answers (429, 503) after exactly the {@code Retry-After} it
 * asked for, or after a jittered exponential back-off when it did not say. A wait longer than the
 * configured cap is not slept through: the caller gets the throttled answer and can queue instead.
 */
final class RetryAfterInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryAfterInterceptor.class);
    /** Not capped here: a wait longer than {@code maxWait} is the caller's to queue, not ours to sleep. */
    private static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(1), Duration.ofDays(1)).withJitter();

    private final int maxRetries;
    private final Duration maxWait;
    private final Sleeper sleeper;

    RetryAfterInterceptor(int maxRetries, Duration maxWait, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        for (int attempt = 1; attempt <= maxRetries && throttled(response); attempt++) {
            Duration wait = retryAfter(response);
            wait = wait != null ? wait : backOff(attempt);
            if (wait.compareTo(maxWait) > 0) {
                return response;
            }
            log.info("SharePoint answered {} to {} {}; retry {} of {} in {} ms", response.code(),
                    chain.request().method(), chain.request().url().encodedPath(), attempt, maxRetries, wait.toMillis());
            response.close();
            pause(wait);
            response = chain.proceed(chain.request());
        }
        return response;
    }

    private static boolean throttled(Response response) {
        return response.code() == 429 || response.code() == 503;
    }

    private static Duration backOff(int attempt) {
        return BACKOFF.after(attempt);
    }

    private void pause(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    /** The {@code Retry-After} of a response, when it has a usable one. */
    static Duration retryAfter(Response response) {
        return RetryAfter.parse(response.header("Retry-After")).orElse(null);
    }
}
