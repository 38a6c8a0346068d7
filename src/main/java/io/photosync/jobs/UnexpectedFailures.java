package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.photosync.http.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every task does when it fails. {@link RetryLater} reschedules as asked. Anything else is a
 * fault, retried {@value #FIRST_SECONDS} s later, then twice as long each time up to half an hour
 * apart, and given up after {@value #GIVE_UP_AFTER} in a row: {@code gaveUp} then ends the work
 * for its owner (a sync job is failed, its card says so). Only the first failure logs its stack
 * trace; a task that keeps failing must not fill the log.
 */
final class UnexpectedFailures implements FailureHandler<Void> {

    static final int GIVE_UP_AFTER = 10;
    static final int FIRST_SECONDS = 30;
    private static final Backoff BACKOFF = Backoff.doubling(Duration.ofSeconds(FIRST_SECONDS), Duration.ofMinutes(30));
    private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

    private final Consumer<String> gaveUp;
    private final Clock clock;

    /** @param gaveUp told the task instance's id when its retries are over */
    UnexpectedFailures(Consumer<String> gaveUp, Clock clock) {
        this.gaveUp = gaveUp;
        this.clock = clock;
    }

    /** The wait before the next try after {@code failuresInARow} unexpected failures, or none: give up. */
    static Optional<Duration> waitAfter(int failuresInARow) {
        if (failuresInARow >= GIVE_UP_AFTER) {
            return Optional.empty();
        }
        return Optional.of(BACKOFF.after(failuresInARow));
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        Throwable cause = complete.getCause().orElse(null);
        if (cause instanceof RetryLater later) {
            operations.reschedule(complete, later.when);
            return;
        }
        var instance = complete.getExecution().taskInstance;
        int failures = complete.getExecution().consecutiveFailures + 1;
        String what = cause == null ? "no cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Optional<Duration> wait = waitAfter(failures);
        if (wait.isEmpty()) {
            log.error("{} failed unexpectedly {} times in a row; giving up ({})", instance, failures, what);
            operations.stop();
            gaveUp.accept(instance.getId());
        } else if (failures == 1) {
            log.error("{} failed unexpectedly; retrying in {}", instance, wait.get(), cause);
            operations.reschedule(complete, clock.instant().plus(wait.get()));
        } else {
            log.error("{} failed unexpectedly ({} in a row); retrying in {} ({})", instance, failures, wait.get(), what);
            operations.reschedule(complete, clock.instant().plus(wait.get()));
        }
    }
}
