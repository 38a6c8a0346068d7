package io.photosync.preflight;

import java.util.List;

/** Every check's line, in the order checked; any ✘ makes the command exit 1. */
public record PreflightReport(List<Line> lines) {

    /** One check's result. */
    public record Line(boolean ok, String check, String detail) {

        public String render() {
            return (ok ? "✔ " : "✘ ") + check + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        }
    }

    public PreflightReport {
        lines = List.copyOf(lines);
    }

    int exitCode() {
        return passed() ? 0 : 1;
    }

    public boolean passed() {
        return lines.stream().allMatch(Line::ok);
    }
}
