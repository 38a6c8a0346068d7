package io.photosync.jobs;

import java.time.Duration;

/**
 * Work done on a schedule, once per due time for the whole cluster (db-scheduler runs a recurring
 * task on one replica). Declared as a bean by the module that owns the work.
 */
public record Recurring(String name, When when, Runnable work) {

    /** When recurring work is due. */
    sealed interface When {
    }

    /** Again {@code delay} after each run ends. */
    record Every(Duration delay) implements When {
    }

    /** At the times a cron expression (with seconds) names. */
    record Cron(String expression) implements When {
    }

    /** Not at all: the schedule is switched off in the configuration. */
    record Never() implements When {
    }

    public static Recurring every(String name, Duration delay, Runnable work) {
        return new Recurring(name, new Every(delay), work);
    }

    /**
     * Work that ends what has waited {@code waitsFor}: run four times within that wait, so nothing
     * outlives it by more than a quarter, and never more often than {@code atMostEvery} nor less
     * often than {@code atLeastEvery}.
     */
    public static Recurring sweeping(String name, Duration waitsFor, Duration atMostEvery, Duration atLeastEvery, Runnable work) {
        Duration quarter = waitsFor.dividedBy(4);
        Duration delay = quarter.compareTo(atLeastEvery) > 0 ? atLeastEvery : quarter.compareTo(atMostEvery) < 0 ? atMostEvery : quarter;
        return every(name, delay, work);
    }

    public static Recurring cron(String name, String expression, Runnable work) {
        return new Recurring(name, new Cron(expression), work);
    }

    public static Recurring never(String name) {
        return new Recurring(name, new Never(), () -> { });
    }
}
