package io.photosync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every task has a retry limit whatever failed: db-scheduler's own types, driven as its executor would. */
class UnexpectedFailuresTests {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final List<String> gaveUp = new ArrayList<>();
    private final UnexpectedFailures handler = new UnexpectedFailures(gaveUp::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void waitsLongerAfterEachFailureUpToHalfAnHour() {
        assertThat(UnexpectedFailures.waitAfter(1)).hasValue(Duration.ofSeconds(30));
        assertThat(UnexpectedFailures.waitAfter(2)).hasValue(Duration.ofMinutes(1));
        assertThat(UnexpectedFailures.waitAfter(5)).hasValue(Duration.ofMinutes(8));
        assertThat(UnexpectedFailures.waitAfter(7)).hasValue(Duration.ofMinutes(30));
        assertThat(UnexpectedFailures.waitAfter(9)).hasValue(Duration.ofMinutes(30));
    }

    @Test
    void reschedulesAFaultUntilTheTenthInARowThenStopsAndTellsTheOwner() {
        RecordedOperations second = fail(1, new IllegalStateException("the database went away"));
        assertThat(second.rescheduledTo).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(gaveUp).isEmpty();

        RecordedOperations tenth = fail(UnexpectedFailures.GIVE_UP_AFTER - 1, new OutOfMemoryError("a bug"));
        assertThat(tenth.stopped).isTrue();
        assertThat(tenth.rescheduledTo).isNull();
        assertThat(gaveUp).containsExactly("job-1");
    }

    @Test
    void retryLaterIsNeverCountedAsAFault() {
        Instant when = NOW.plus(Duration.ofMinutes(5));

        RecordedOperations throttled = fail(40, new RetryLater(when, "throttled"));

        assertThat(throttled.rescheduledTo).isEqualTo(when);
        assertThat(throttled.stopped).isFalse();
        assertThat(gaveUp).isEmpty();
    }

    /** One more failure of a task that had failed {@code before} times in a row. */
    private RecordedOperations fail(int before, Throwable cause) {
        Execution execution = new Execution(NOW, new TaskInstance<Void>("photo-sync", "job-1"), true, "test", null, null, before, NOW, 1);
        RecordedOperations operations = new RecordedOperations(execution);
        handler.onFailure(ExecutionComplete.failure(execution, NOW, NOW, cause), operations);
        return operations;
    }
}
