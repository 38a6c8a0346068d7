package io.photosync.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * One short line per refused request (status, reason, activity id, remote address), never a
 * stack trace, and at most {@link #PER_WINDOW} lines a minute: a flood of garbage must not fill
 * the disk. What the window held back is counted in the next line written. Values from the
 * request are escaped, so a newline in an activity id cannot forge a log line.
 */
final class RefusalLog {

    static final int PER_WINDOW = 60;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int LONGEST_VALUE = 80;

    private final Logger log;
    private final Clock clock;
    private Instant windowStart = Instant.EPOCH;
    private int written;
    private long heldBack;

    RefusalLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void refused(int status, String reason, String activityId, String remoteAddress) {
        long held;
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isAfter(windowStart.plus(WINDOW))) {
                windowStart = now;
                written = 0;
            }
            if (written >= PER_WINDOW) {
                heldBack++;
                return;
            }
            written++;
            held = heldBack;
            heldBack = 0;
        }
        log.warn("refused {} {} activity={} from={}{}", status, reason, escape(activityId), escape(remoteAddress),
                held == 0 ? "" : " (" + held + " more refused since the last line)");
    }

    /** Printable ASCII stays; anything else (newlines, escape sequences, other scripts) becomes \\uXXXX; long values are cut. */
    static String escape(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder safe = new StringBuilder();
        int i = 0;
        for (; i < value.length() && safe.length() < LONGEST_VALUE; i++) {
            char c = value.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return i < value.length() ? safe + "…" : safe.toString();
    }
}
