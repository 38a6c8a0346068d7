package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Every durable task behaves one way, whatever its work: run as db-scheduler's executor runs it. */
class DurableTasksTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final DurableTasks tasks = new DurableTasks(() -> {
        throw new AssertionError("running work schedules nothing");
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedWorkerHandsTheWorkBackToTheQueueAtOnceAndStaysInterrupted() {
        DurableTask task = tasks.oneTime("photo-sync", id -> {
            throw new InterruptedException("replica shutting down");
        });

        assertThatThrownBy(() -> run(task, "job-1"))
                .isInstanceOfSatisfying(RetryLater.class, retry -> assertThat(retry.when).isEqualTo(NOW));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void eachLogLineOfTheWorkCarriesTheInstanceAsCorrelationIdAndNothingAfter() {
        List<String> seen = new ArrayList<>();
        DurableTask task = tasks.oneTime("photo-sync", id -> seen.add(MDC.get("correlation")));

        run(task, "job-7");

        assertThat(seen).containsExactly("job-7");
        assertThat(MDC.get("correlation")).isNull();
    }

    @Test
    void everyTaskRetriesItsFaultsAndIsRevivedWhenItsWorkerDies() {
        DurableTask once = tasks.oneTime("photo-sync", id -> { });
        DurableTask repeating = tasks.repeating("scan-run", Duration.ofSeconds(5), id -> true);

        for (DurableTask task : List.of(once, repeating)) {
            assertThat(task.task().getFailureHandler()).isInstanceOf(UnexpectedFailures.class);
            assertThat(task.task().getDeadExecutionHandler()).isInstanceOf(DeadExecutionHandler.ReviveDeadExecution.class);
        }
    }

    @Test
    void aRepeatingStepComesBackAfterItsIntervalUntilItSaysItIsDone() {
        List<Boolean> answers = new ArrayList<>(List.of(false, true));
        DurableTask task = tasks.repeating("scan-run", Duration.ofSeconds(5), id -> answers.remove(0));

        RecordedOperations first = complete(run(task, "run-1"));
        RecordedOperations second = complete(run(task, "run-1"));

        assertThat(first.rescheduledTo).isEqualTo(NOW.plusSeconds(5));
        assertThat(first.removed).isFalse();
        assertThat(second.rescheduledTo).isNull();
        assertThat(second.removed).isTrue();
    }

    private static CompletionHandler<Void> run(DurableTask task, String id) {
        return task.task().execute(new TaskInstance<>(task.name(), id), null);
    }

    private static RecordedOperations complete(CompletionHandler<Void> handler) {
        Execution execution = new Execution(NOW, new TaskInstance<Void>("scan-run", "run-1"), true, "test", null, null, 0, NOW, 1);
        RecordedOperations operations = new RecordedOperations(execution);
        handler.complete(ExecutionComplete.success(execution, NOW, NOW), operations);
        return operations;
    }

}
