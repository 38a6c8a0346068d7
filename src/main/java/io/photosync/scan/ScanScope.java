package io.photosync.scan;

import java.util.function.Predicate;

/** Whom a run may act on (sync or nudge); the helpdesk's scope groups decide. */
@FunctionalInterface
public interface ScanScope {

    /** A test over many people, made once per run (the scope groups listed once, not a call per person). */
    Predicate<String> forMany();
}
