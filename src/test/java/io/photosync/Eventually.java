package io.photosync;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the application does in the background. */
public final class Eventually {

    private Eventually() {
    }

    /** Returns once the condition holds; fails the test after {@code patience}. */
    public static void await(BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within " + patience);
            }
            Thread.sleep(50);
        }
    }
}
