package io.photosync.scan;

import java.util.Map;

/** Hears how a run goes, to show whoever started it. Called on a worker thread; must not throw. */
public interface ScanListener {

    /** Findings so far, at most every few seconds while the scan runs. */
    void progress(ScanRun run, Map<ScanClass, Integer> counts);

    /** The scan is done and its syncs or nudges are going: how far they are, every few seconds. */
    void acting(ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress);

    /** The run is complete: scanned, and every sync or nudge it made has ended. Said once per run. */
    void finished(ScanRun run, Map<ScanClass, Integer> counts, RunProgress progress);
}
