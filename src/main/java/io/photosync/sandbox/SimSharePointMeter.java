package io.photosync.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SharePoint's resource-unit metering: a budget per app per 60-second window. Every call is charged
 * whether or not a budget is set (so benchmarks can report the units spent): by default a read 1
 * and a write 2, Graph's costs; or a cost drawn from a range, since REST calls "have no fixed cost
 * and usually cost more". Past the budget, 429 with {@code Retry-After} (to the window's end, or a
 * fixed wait such as the 70–300 s live tenants give), and every call refused until that wait is
 * over; from 80 % of the window on, answers carry {@code RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset}, as SharePoint documents.
 */
final class SimSharePointMeter {

    private static final long WINDOW_MILLIS = 60_000;

    private volatile int limit;
    private volatile int minCost;
    private volatile int maxCost;
    private volatile Duration retryAfter;
    private volatile boolean rateLimitHeaders = true;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final AtomicLong charged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** What one call cost: refused for a while, or charged, with the headers its answer carries. */
    record Charge(Optional<Duration> refusedFor, Map<String, String> headers) {
    }

    void setLimit(int unitsPerMinute) {
        this.limit = unitsPerMinute;
        windows.clear();
    }

    /** Each call costs between {@code min} and {@code max} units (0 and 0: Graph's 1 and 2); refusals ask for {@code wait} (null: to the window's end). */
    void setCosts(int min, int max, Duration wait) {
        this.minCost = min;
        this.maxCost = Math.max(min, max);
        this.retryAfter = wait;
        windows.clear();
    }

    /** Whether answers carry the {@code RateLimit-*} headers (Microsoft calls them a preview: a tenant may not send them). */
    void setRateLimitHeaders(boolean sent) {
        this.rateLimitHeaders = sent;
    }

    Charge charge(String appId, String method) {
        int cost = maxCost <= 0 ? ("GET".equals(method) ? 1 : 2) : ThreadLocalRandom.current().nextInt(minCost, maxCost + 1);
        if (limit <= 0) {
            charged.addAndGet(cost);
            return new Charge(Optional.empty(), Map.of());
        }
        long now = System.currentTimeMillis();
        long[] window = windows.computeIfAbsent(appId, k -> new long[] {now, 0, 0});
        synchronized (window) {
            if (now < window[2]) {
                refused.incrementAndGet();
                return refusal(Duration.ofMillis(window[2] - now), window, now);
            }
            if (now - window[0] >= WINDOW_MILLIS) {
                window[0] = now;
                window[1] = 0;
            }
            if (window[1] + cost > limit) {
                refused.incrementAndGet();
                Duration wait = retryAfter != null ? retryAfter : Duration.ofMillis(Math.max(1_000, WINDOW_MILLIS - (now - window[0])));
                window[2] = now + wait.toMillis();
                return refusal(wait, window, now);
            }
            window[1] += cost;
            charged.addAndGet(cost);
            return new Charge(Optional.empty(), rateLimitHeaders && window[1] * 5 >= limit * 4L ? rateLimit(window, now) : Map.of());
        }
    }

    private Charge refusal(Duration wait, long[] window, long now) {
        Map<String, String> headers = new LinkedHashMap<>(rateLimitHeaders ? rateLimit(window, now) : Map.of());
        headers.put("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
        return new Charge(Optional.of(wait), headers);
    }

    private Map<String, String> rateLimit(long[] window, long now) {
        long reset = Math.max(0, (WINDOW_MILLIS - (now - window[0]) + 999) / 1000);
        return Map.of("RateLimit-Limit", String.valueOf(limit), "RateLimit-Remaining", String.valueOf(Math.max(0, limit - window[1])),
                "RateLimit-Reset", String.valueOf(reset));
    }

    SharePointMetering metering() {
        return new SharePointMetering(charged.get(), refused.get());
    }

    void resetMetering() {
        charged.set(0);
        refused.set(0);
    }
}
