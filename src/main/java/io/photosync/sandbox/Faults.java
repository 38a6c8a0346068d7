package io.photosync.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The answers the tenant gives besides its normal ones: injected 429/503 runs, SharePoint's budget,
 * and answers Microsoft gave, replayed ({@link Replays}).
 */
final class Faults {

    private final Map<Api, Fault> faults = new ConcurrentHashMap<>();
    private final SimSharePointMeter sharePointMeter = new SimSharePointMeter();
    private final Replays replays = new Replays();
    private volatile Duration latency = Duration.ZERO;
    private volatile RetryAfterForm retryAfterForm = RetryAfterForm.SECONDS;

    /** Every answer waits this long first, as a network and a busy service would make it. */
    void setLatency(Duration latency) {
        this.latency = latency;
    }

    void pauseForLatency() {
        sleep(latency);
    }

    /** Waits until the latency has passed since the call arrived (not at all when its work took longer). */
    void pauseUntilAnswered(long arrivedNanos) {
        long left = arrivedNanos + latency.toNanos() - System.nanoTime();
        if (left > 0) {
            sleep(Duration.ofNanos(left));
        }
    }

    static void sleep(Duration delay) {
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

    void setRetryAfterForm(RetryAfterForm form) {
        this.retryAfterForm = form;
    }

    void inject(Api api, int status, int times, Duration retryAfter) {
        faults.put(api, new Fault(status, new AtomicInteger(times), retryAfter));
    }

    int pending(Api api) {
        Fault fault = faults.get(api);
        return fault == null ? 0 : fault.remaining().get();
    }

    void setSharePointBudget(int unitsPerMinute) {
        sharePointMeter.setLimit(unitsPerMinute);
    }

    void setSharePointCosts(int minUnits, int maxUnits, Duration retryAfter) {
        sharePointMeter.setCosts(minUnits, maxUnits, retryAfter);
    }

    void setSharePointRateLimitHeaders(boolean sent) {
        sharePointMeter.setRateLimitHeaders(sent);
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
        return Optional.of(response.withHeader("Retry-After", retryAfterForm.header(fault.retryAfter())));
    }

    /** An injected run of error answers. */
    private record Fault(int status, AtomicInteger remaining, Duration retryAfter) {
    }

    /** Charges one SharePoint call to the app's budget. */
    SimSharePointMeter.Charge chargeSharePoint(String appId, String method) {
        return sharePointMeter.charge(appId, method);
    }

    SharePointMetering sharePointMetering() {
        return sharePointMeter.metering();
    }

    void resetMetering() {
        sharePointMeter.resetMetering();
    }
}
