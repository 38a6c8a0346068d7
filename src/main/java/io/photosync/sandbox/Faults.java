package io.photosync.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The answers the tenant gives besides its normal ones: injected 429/503 runs, SharePoint's budget,
 * and answers Microsoft gave, replayed ({@link Replays}).
 */
final class Faults {

    private final Map<Api, Fault> faults = new ConcurrentHashMap<>();
    private final SharePointBudget sharePointBudget = new SharePointBudget();
    private final Replays replays = new Replays();
    private volatile Duration latency = Duration.ZERO;

    /** Every answer waits this long first, as a network and a busy service would make it. */
    void setLatency(Duration latency) {
        this.latency = latency;
    }

    void pauseForLatency() {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void replay(String method, Pattern url, MicrosoftAnswer answer, int times) {
        replays.add(method, url, answer, times);
    }

    /** The recorded answer to give this call instead of the simulator's own, if a test asked for one. */
    Optional<SimResponse> replayed(String method, String url) {
        return replays.answer(method, url);
    }

    int pendingReplays() {
        return replays.pending();
    }

    void clearReplays() {
        replays.clear();
    }

    void inject(Api api, int status, int times, Duration retryAfter) {
        faults.put(api, new Fault(status, new AtomicInteger(times), retryAfter));
    }

    int pending(Api api) {
        Fault fault = faults.get(api);
        return fault == null ? 0 : fault.remaining().get();
    }

    void setSharePointBudget(int unitsPerMinute) {
        sharePointBudget.setLimit(unitsPerMinute);
    }

    Optional<SimResponse> injected(Api api) {
        Fault fault = faults.get(api);
        if (fault == null || fault.remaining().getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return Optional.empty();
        }
        SimResponse response;
        if (fault.status() == 503) {
            response = api == Api.GRAPH
                    ? SimErrors.graph(503, "serviceNotAvailable", "The service is temporarily unavailable.")
                    : SimResponse.empty(503);
        } else {
            response = api == Api.GRAPH
                    ? SimErrors.graph(429, "TooManyRequests", "Too many requests.")
                    : SimErrors.sharePointThrottled();
        }
        return Optional.of(response.withHeader("Retry-After", String.valueOf(fault.retryAfter().toSeconds())));
    }

    /** An injected run of error answers. */
    private record Fault(int status, AtomicInteger remaining, Duration retryAfter) {
    }

    Optional<SimResponse> spendSharePointBudget(String appId, int cost) {
        return sharePointBudget.spend(appId, cost).map(wait -> SimErrors.sharePointThrottled()
                .withHeader("Retry-After", String.valueOf(wait.toSeconds())));
    }

    SharePointMetering sharePointMetering() {
        return new SharePointMetering(sharePointBudget.charged.get(), sharePointBudget.refused.get());
    }

    void resetMetering() {
        sharePointBudget.charged.set(0);
        sharePointBudget.refused.set(0);
    }

    /**
     * SharePoint's resource-unit metering: a budget per app per minute window. Each call is charged
     * (a read 1, a write 2) whether or not a budget is set, so benchmarks can report the units spent.
     */
    private static final class SharePointBudget {

        private volatile int limit;
        private final Map<String, long[]> windows = new ConcurrentHashMap<>();
        final AtomicLong charged = new AtomicLong();
        final AtomicLong refused = new AtomicLong();

        void setLimit(int unitsPerMinute) {
            this.limit = unitsPerMinute;
            windows.clear();
        }

        Optional<Duration> spend(String appId, int cost) {
            if (limit <= 0) {
                charged.addAndGet(cost);
                return Optional.empty();
            }
            long now = Instant.now().getEpochSecond();
            long[] window = windows.computeIfAbsent(appId, k -> new long[] {now, 0});
            synchronized (window) {
                if (now - window[0] >= 60) {
                    window[0] = now;
                    window[1] = 0;
                }
                if (window[1] + cost > limit) {
                    refused.incrementAndGet();
                    return Optional.of(Duration.ofSeconds(Math.max(1, 60 - (now - window[0]))));
                }
                window[1] += cost;
                charged.addAndGet(cost);
                return Optional.empty();
            }
        }
    }
}
