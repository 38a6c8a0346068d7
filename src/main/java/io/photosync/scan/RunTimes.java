package io.photosync.scan;

import java.time.Instant;

/**
 * When a run started and, once it has, completed (scanned and every sync or nudge ended).
 *
 * @param completed null while the run goes on
 */
public record RunTimes(Instant started, Instant completed) {
}
