package io.photosync.sync;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The memory all photo renders in this process may hold at once. A render takes its share (from
 * the photo's header, before decoding) and gives it back when done; a render that would overrun
 * the budget waits for others to finish. One render larger than the whole budget still runs,
 * alone. The default is a quarter of the maximum heap: eight large photos in a group run take
 * turns instead of adding up to an OutOfMemoryError.
 */
final class RenderBudget {

    private static final RenderBudget SHARED = new RenderBudget(Runtime.getRuntime().maxMemory() / 4);
    private static final long UNIT = 1024;

    private final Semaphore kilobytes;
    private final int total;

    RenderBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.kilobytes = new Semaphore(total, true);
    }

    static RenderBudget shared() {
        return SHARED;
    }

    /** Waits until {@code bytes} are free (or, for one render larger than the budget, all of it). */
    Lease acquire(long bytes) {
        int wanted = (int) Math.min(total, Math.max(1, bytes / UNIT));
        kilobytes.acquireUninterruptibly(wanted);
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                kilobytes.release(wanted);
            }
        };
    }

    /** What is free now, in bytes. */
    long available() {
        return kilobytes.availablePermits() * UNIT;
    }

    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
