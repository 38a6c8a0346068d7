package io.photosync.preflight;

import java.util.ArrayList;
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

    /** This report with one more line at the end. */
    PreflightReport with(Line line) {
        List<Line> all = new ArrayList<>(lines);
        all.add(line);
        return new PreflightReport(all);
    }

    int exitCode() {
        return passed() ? 0 : 1;
    }

    public boolean passed() {
        return lines.stream().allMatch(Line::ok);
    }
}
