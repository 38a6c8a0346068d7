package io.photosync.http;

import java.time.Duration;

/** How a client waits before trying again; tests keep time with their own. */
@FunctionalInterface
public interface Sleeper {

    /** The real wait, on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
