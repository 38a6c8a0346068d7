package io.photosync.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/** Teams' send rate per bot per tenant, as the simulated connector enforces it: at most so many sends or updates in one second. */
final class SendRate {

    private volatile int perSecond;
    private long windowStart;
    private int windowCount;
    private final AtomicInteger refusals = new AtomicInteger();

    /** Zero turns it off. */
    void enforce(int perSecond) {
        this.perSecond = perSecond;
        refusals.set(0);
    }

    /** Whether one more send now is over the rate; counted as refused when it is. */
    synchronized boolean refuses() {
        if (perSecond <= 0) {
            return false;
        }
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != windowStart) {
            windowStart = second;
            windowCount = 0;
        }
        boolean over = ++windowCount > perSecond;
        if (over) {
            refusals.incrementAndGet();
        }
        return over;
    }

    int refusals() {
        return refusals.get();
    }
}
