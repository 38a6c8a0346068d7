package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import java.time.Instant;

/** What a failure or completion handler asked of db-scheduler, recorded instead of written to the database. */
final class RecordedOperations extends ExecutionOperations<Void> {

    Instant rescheduledTo;
    boolean stopped;
    boolean removed;

    RecordedOperations(Execution execution) {
        super(null, null, execution);
    }

    @Override
    public void reschedule(ExecutionComplete complete, Instant next) {
        rescheduledTo = next;
    }

    @Override
    public void stop() {
        stopped = true;
        remove(); // as db-scheduler's own stop() does
    }

    @Override
    public void remove() {
        removed = true;
    }
}
