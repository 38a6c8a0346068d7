package io.photosync.scan;

/** Where a run's scan is ({@code scan_run.state}): paging through the members, or through them all. */
enum RunState {
    RUNNING, DONE
}
