package io.photosync.jobs;

import io.photosync.sync.SyncOutcome;
import java.time.Instant;

/** Hears how jobs go, to tell the people who asked. Called on the worker thread; must not throw. */
public interface SyncJobListener {

    /** The sync did not succeed yet and will be tried again at {@code nextAttempt}. */
    void syncDelayed(SyncJob job, SyncOutcome outcome, Instant nextAttempt);

    /** The job is over: synced, or failed for good with this outcome. */
    void syncEnded(SyncJob job, SyncOutcome outcome);
}
