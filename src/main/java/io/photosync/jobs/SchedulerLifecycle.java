package io.photosync.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduler follows the application context: started once it is up, paused while it is
 * stopped (the test framework pauses idle contexts), resumed after. The scheduler is looked up
 * when first started, so a process that never starts jobs (the preflight) never builds it.
 */
final class SchedulerLifecycle implements SmartLifecycle {

    private final ObjectProvider<Scheduler> schedulers;
    private final boolean autostart;
    private Scheduler scheduler;
    private volatile boolean running;
    private volatile boolean started;

    SchedulerLifecycle(ObjectProvider<Scheduler> schedulers, boolean autostart) {
        this.schedulers = schedulers;
        this.autostart = autostart;
    }

    @Override
    public boolean isAutoStartup() {
        return autostart;
    }

    @Override
    public void start() {
        if (scheduler == null) {
            scheduler = schedulers.getObject();
        }
        if (started) {
            scheduler.resume();
        } else {
            scheduler.start();
            started = true;
        }
        running = true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.pause();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
