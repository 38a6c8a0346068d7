package io.photosync.sharepoint;

import io.photosync.http.RequestBudget;
import io.photosync.sync.RemoteServiceException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import io.photosync.http.Sleeper;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spends SharePoint's resource units before each call (a read costs 1, a write 2, as SharePoint
 * meters them), waiting for the shared budget when it is short; a wait longer than {@code maxWait}
 * is not slept through: the call ends throttled and the job comes back later.
 */
final class BudgetInterceptor implements Interceptor {

    private final Supplier<RequestBudget> budget;
    private final Duration maxWait;
    private final Sleeper sleeper;

    BudgetInterceptor(Supplier<RequestBudget> budget, Duration maxWait, Sleeper sleeper) {
        this.budget = budget;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        int units = "GET".equals(chain.request().method()) ? 1 : 2;
        Duration waited = Duration.ZERO;
        for (Duration wait = budget.get().tryAcquire(units); !wait.isZero(); wait = budget.get().tryAcquire(units)) {
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
        return chain.proceed(chain.request());
    }
}
