package io.photosync.sharepoint;

import io.photosync.http.RequestBudget;
import io.photosync.http.RetryAfter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How PhotoSync learns what SharePoint charges. REST calls have no fixed resource-unit cost
 * ("usually more" than Graph's 1 for a read and 2 for a write), so each call's cost is that base
 * times a factor learned from what SharePoint answers:
 * <ul>
 * <li>{@code RateLimit-Limit / -Remaining / -Reset}, which SharePoint adds once an app has spent
 * 80 % of its minute: the units really spent in the window, against the base units this replica
 * spent in it, give the factor (with several replicas the factor comes out high at first, which
 * only slows them); a limit below the configured budget scales every cost up to match; too little
 * left for the calls in flight pauses everyone until the window resets;</li>
 * <li>a 429 or 503 with {@code Retry-After}: everyone pauses that long (the shared budget goes into
 * debt, so every replica waits, not only the caller), and the factor grows by half, since the
 * estimate was too low (once for the refusals of the calls that were in flight together); a minute
 * after the last refusal, what refusals taught fades, half the excess every half-hour.</li>
 * </ul>
 */
final class SharePointPacing {

    private static final Logger log = LoggerFactory.getLogger(SharePointPacing.class);
    private static final double MOST = 20;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    /** Refusals closer together than this are one lesson: the calls in flight when the budget ran out. */
    private static final long ONE_LESSON_NANOS = 10_000_000_000L;
    /** Without a refusal for this long, what 429s taught halves again (what the headers teach is relearnt each window). */
    private static final double HALF_LIFE_NANOS = 30 * 60e9;
    /** Fewer base units than this in a window say too little about the factor. */
    private static final int ENOUGH_TO_LEARN = 20;

    private final Supplier<RequestBudget> budget;
    private final int configuredPerMinute;
    private final LongSupplier nanoClock;
    private final Deque<long[]> spent = new ArrayDeque<>();
    private double factor = 1;
    private double limitScale = 1;
    private long lastThrottled = Long.MIN_VALUE / 2;
    private long lastForgotten;
    /** The fraction of a unit the last calls' costs left over: rounding each call up would overcharge by half a unit a call. */
    private double carried;

    SharePointPacing(Supplier<RequestBudget> budget, int configuredPerMinute, LongSupplier nanoClock) {
        this.budget = budget;
        this.configuredPerMinute = configuredPerMinute;
        this.nanoClock = nanoClock;
        this.lastForgotten = nanoClock.getAsLong();
    }

    /** The base cost of a call, as Graph meters SharePoint: a read 1, anything else 2. */
    static int baseUnits(String method) {
        return "GET".equals(method) ? 1 : 2;
    }

    /** What a call of {@code baseUnits} is expected to cost now, in the budget's units. */
    synchronized int unitsFor(int baseUnits) {
        return (int) Math.ceil(baseUnits * factor * limitScale);
    }

    /** Spends the call's expected cost (whole units, the fractions carried to the next call); zero when spent, else the wait (nothing spent). */
    Duration tryAcquire(int baseUnits) {
        double exact;
        int units;
        synchronized (this) {
            exact = baseUnits * factor * limitScale + carried;
            units = Math.max(1, (int) Math.floor(exact));
        }
        Duration wait = budget.get().tryAcquire(units);
        if (wait.isZero()) {
            synchronized (this) {
                carried = Math.max(0, Math.min(1, exact - units));
            }
            record(baseUnits);
        }
        return wait;
    }

    /** Learns from one of SharePoint's answers. */
    void observe(Response response) {
        if (response.code() == 429 || response.code() == 503) {
            Duration wait = RetryAfter.parse(response.header("Retry-After")).orElse(Duration.ofSeconds(30));
            synchronized (this) {
                // The calls in flight when SharePoint ran out all come back refused: one lesson, not one each.
                long now = nanoClock.getAsLong();
                if (now - lastThrottled > Math.max(wait.toNanos(), ONE_LESSON_NANOS)) {
                    factor = Math.min(MOST, factor * 1.5);
                }
                lastThrottled = now;
            }
            log.info("SharePoint answered {} with Retry-After {} s: every replica pauses; cost factor now {}", response.code(),
                    wait.toSeconds(), String.format(Locale.ROOT, "%.2f", currentFactor()));
            budget.get().pauseFor(wait);
            return;
        }
        forget();
        Long limit = number(response.header("RateLimit-Limit"));
        Long remaining = number(response.header("RateLimit-Remaining"));
        Long reset = number(response.header("RateLimit-Reset"));
        if (limit == null || remaining == null || reset == null || limit <= 0) {
            return;
        }
        learn(limit, remaining, reset);
        if (remaining < margin(limit)) {
            budget.get().pauseFor(Duration.ofSeconds(Math.max(1, reset)));
        }
    }

    /** A success long after the last refusal: the cost drifts back towards the base, half the excess every half-hour. */
    private synchronized void forget() {
        long now = nanoClock.getAsLong();
        long quiet = now - lastThrottled;
        if (factor > 1 && quiet > WINDOW_NANOS) {
            double since = Math.min(quiet, now - lastForgotten);
            factor = 1 + (factor - 1) * Math.pow(0.5, since / HALF_LIFE_NANOS);
        }
        lastForgotten = now;
    }

    private synchronized void learn(long limit, long remaining, long reset) {
        limitScale = Math.max(1, (double) configuredPerMinute / limit);
        long elapsedNanos = Math.max(1, 60 - Math.min(60, reset)) * 1_000_000_000L;
        long baseSpent = spentSince(nanoClock.getAsLong() - elapsedNanos);
        if (baseSpent >= ENOUGH_TO_LEARN) {
            double observed = (double) (limit - remaining) / baseSpent;
            factor = Math.max(1, Math.min(MOST, (factor + observed) / 2));
        }
    }

    /** What may still be spent in the window before everyone should wait for its reset: a twentieth of it. */
    private static long margin(long limit) {
        return Math.max(10, limit / 20);
    }

    synchronized double currentFactor() {
        return factor * limitScale;
    }

    private synchronized void record(int baseUnits) {
        long now = nanoClock.getAsLong();
        spent.addLast(new long[] {now, baseUnits});
        while (!spent.isEmpty() && now - spent.peekFirst()[0] > WINDOW_NANOS) {
            spent.removeFirst();
        }
    }

    private long spentSince(long nanos) {
        long total = 0;
        for (long[] call : spent) {
            if (call[0] >= nanos) {
                total += call[1];
            }
        }
        return total;
    }

    private static Long number(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Long.parseLong(header.strip());
    }
}
