package io.photosync.jobs;

import io.photosync.sync.ScanClass;
import java.util.Map;

/** Hears how a tenant scan goes, to show whoever started it. Called on the worker thread; must not throw. */
public interface ScanListener {

    /** Findings so far, at most every few seconds while the scan runs. */
    void progress(ScanRun run, Map<ScanClass, Integer> counts);

    /** The scan is complete; {@code acted} is how many people its action reached (synced or nudged). */
    void finished(ScanRun run, Map<ScanClass, Integer> counts, int acted);
}
