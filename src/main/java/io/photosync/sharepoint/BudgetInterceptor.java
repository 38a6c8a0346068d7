package io.photosync.sharepoint;

import io.photosync.http.Sleeper;
import io.photosync.sync.RemoteServiceException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spends SharePoint's resource units before each call, as {@link SharePointPacing} expects the call
 * to cost, waiting for the shared budget when it is short, and lets the pacing learn from every
 * answer. A wait longer than {@code maxWait} is not slept through: the call ends throttled and the
 * job comes back later.
 */
final class BudgetInterceptor implements Interceptor {

    private final SharePointPacing pacing;
    private final Duration maxWait;
    private final Sleeper sleeper;

    BudgetInterceptor(SharePointPacing pacing, Duration maxWait, Sleeper sleeper) {
        this.pacing = pacing;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int units = SharePointPacing.baseUnits(chain.request().method());
        Duration waited = Duration.ZERO;
        for (Duration wait = pacing.tryAcquire(units); !wait.isZero(); wait = pacing.tryAcquire(units)) {
            if (waited.plus(wait).compareTo(maxWait) > 0) {
                throw new SharePointException(Kind.THROTTLED, 429, "BudgetSpent",
                        "PhotoSync's SharePoint budget for this minute is spent; it continues in " + wait.toSeconds() + " s", wait);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the SharePoint budget");
            }
            waited = waited.plus(wait);
        }
        Response response = chain.proceed(chain.request());
        pacing.observe(response);
        return response;
    }
}
