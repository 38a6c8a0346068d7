package io.photosync.jobs;

/** Whom a scan may act on (sync or nudge); the helpdesk's scope groups decide. */
@FunctionalInterface
public interface ScanScope {

    boolean mayActOn(String subjectId);
}
