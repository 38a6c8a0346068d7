package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * One kind of durable work, known to every replica: an instance per id, stored in the shared
 * database, run by whichever replica takes it, revived when its worker dies, retried by
 * {@link UnexpectedFailures}. Made by {@link DurableTasks}; the module that owns the work only
 * queues ids.
 */
public final class DurableTask {

    private final Task<Void> task;
    private final Supplier<SchedulerClient> scheduler;
    private final Clock clock;

    DurableTask(Task<Void> task, Supplier<SchedulerClient> scheduler, Clock clock) {
        this.task = task;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    String name() {
        return task.getName();
    }

    /** Runs the work for {@code id} as soon as a worker is free. */
    public void queue(String id) {
        scheduler.get().schedule(task.instance(id), clock.instant());
    }

    /** As {@link #queue}, unless work for {@code id} is already waiting or running. */
    public void queueIfAbsent(String id) {
        scheduler.get().scheduleIfNotExists(task.instance(id), clock.instant());
    }

    /** Queues the work for every id in one batch (inside the caller's transaction, if any). */
    public void queueAll(Collection<String> ids) {
        List<TaskInstance<?>> instances = ids.stream().<TaskInstance<?>>map(task::instance).toList();
        scheduler.get().scheduleBatch(instances, clock.instant());
    }

    Task<Void> task() {
        return task;
    }
}
