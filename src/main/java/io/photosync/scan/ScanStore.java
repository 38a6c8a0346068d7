package io.photosync.scan;

import io.photosync.sync.DirectoryUser;
import java.util.List;
import java.util.Optional;

/** Where a scan keeps its place and its findings, so that it resumes after a restart. */
interface ScanStore {

    /** One person's finding in a run; saved again (replaced) when a resumed run sees them twice. */
    record Finding(String runId, DirectoryUser user, ScanClass scanClass, String detail) {
    }

    /** Saves a batch of findings together (one transaction). */
    void save(List<Finding> findings);

    /** The cursor of the next page to read; empty before the first page. */
    Optional<String> cursor(String runId);

    /** Called after a whole page is saved: {@code next} null means the scan is complete. */
    void pageDone(String runId, String next);
}
