package io.photosync.scan;

import java.util.Arrays;

/** What a run does with the people it finds; {@link #key()} is what {@code scan_run.action} and the message keys hold. */
public enum RunAction {
    /** A scan that only reports. */
    REPORT("report"),
    /** A scan that queues an app-only sync for each stale or missing photo. */
    FIX("fix"),
    /** A scan that nudges each person whose photo is stale or missing. */
    NUDGE("nudge"),
    /** A sync for every member of a group; nothing is scanned. */
    SYNC_GROUP("sync-group");

    private final String key;

    RunAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether the run acts on what it finds, so its card follows that work to the end. */
    boolean acts() {
        return this != REPORT;
    }

    static RunAction of(String key) {
        return Arrays.stream(values()).filter(action -> action.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run action " + key));
    }
}
