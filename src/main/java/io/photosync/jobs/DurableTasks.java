package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Makes {@link DurableTask}s, every one the same way: each log line of its work carries the
 * instance's id as correlation id ({@code logging.pattern.correlation}), an unexpected failure is
 * retried with back-off and finally given up ({@link UnexpectedFailures}), {@link RetryLater}
 * reschedules as asked, an interrupted worker hands the work back, and an instance whose worker
 * died is revived by another replica.
 */
public final class DurableTasks {

    /** The work of one instance; throws {@link RetryLater} to come back later. */
    @FunctionalInterface
    public interface Work {
        void run(String id) throws InterruptedException;
    }

    /** One step of work that repeats until it says it is done. */
    @FunctionalInterface
    public interface Step {
        /** @return true when the work for {@code id} has ended */
        boolean run(String id);
    }

    private final Supplier<SchedulerClient> scheduler;
    private final Clock clock;

    /** @param scheduler looked up when first needed: the scheduler is built from the tasks made here */
    DurableTasks(Supplier<SchedulerClient> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Work run once per queued id. */
    public DurableTask oneTime(String name, Work work) {
        return oneTime(name, work, id -> { });
    }

    /** @param gaveUp told the id when its retries are over, to end the work for its owner */
    public DurableTask oneTime(String name, Work work, Consumer<String> gaveUp) {
        return new DurableTask(Tasks.oneTime(name)
                .onFailure(new UnexpectedFailures(gaveUp, clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> correlated(instance.getId(), () -> {
                    try {
                        work.run(instance.getId());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RetryLater(clock.instant(), "interrupted");
                    }
                })), scheduler, clock);
    }

    /** Work that runs a step every {@code every} until the step says it is done; one instance per id. */
    public DurableTask repeating(String name, Duration every, Step step) {
        return new DurableTask(Tasks.custom(name, Void.class)
                .onFailure(new UnexpectedFailures(id -> { }, clock))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    boolean done = answerCorrelated(instance.getId(), () -> step.run(instance.getId()));
                    return done
                            ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(complete, clock.instant().plus(every));
                }), scheduler, clock);
    }

    private static void correlated(String id, Runnable work) {
        answerCorrelated(id, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T answerCorrelated(String id, Supplier<T> work) {
        MDC.put("correlation", id);
        try {
            return work.get();
        } finally {
            MDC.remove("correlation");
        }
    }
}
