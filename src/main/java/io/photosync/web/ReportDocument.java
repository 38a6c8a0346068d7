package io.photosync.web;

import io.photosync.i18n.Messages;
import io.photosync.scan.ReportRow;
import io.photosync.scan.RunAction;
import io.photosync.scan.RunProgress;
import io.photosync.scan.RunTimes;
import io.photosync.scan.ScanClass;
import io.photosync.scan.ScanRun;
import io.photosync.scan.Scans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A run's report as the operator reads it (an HTML page in the run's language) and as a
 * spreadsheet takes it (CSV), written row by row from the database so a large tenant's report
 * never sits whole in memory.
 */
final class ReportDocument {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String CSV_HEADER = "display_name,user_principal_name,object_id,class,finding,outcome,outcome_detail";

    private final Scans runs;
    private final Messages messages;

    ReportDocument(Scans runs, Messages messages) {
        this.runs = runs;
        this.messages = messages;
    }

    /** Machine-readable values (classes and outcomes as codes), with a byte order mark so that Excel reads the names as UTF-8. */
    void writeCsv(Writer csv, ScanRun run) throws IOException {
        csv.write('\uFEFF');
        csv.write(CSV_HEADER + "\r\n");
        runs.report(run.id(), row -> write(csv, String.join(",", cell(row.displayName()), cell(row.userPrincipalName()), cell(row.objectId()),
                cell(row.scanClass() == null ? "" : row.scanClass().name().toLowerCase(Locale.ROOT)), cell(row.detail()),
                cell(row.outcome().name().toLowerCase(Locale.ROOT)), cell(row.outcomeDetail())) + "\r\n"));
    }

    void writeHtml(Writer html, ScanRun run, Locale language) throws IOException {
        RunTimes times = runs.times(run.id()).orElseThrow();
        Map<ScanClass, Integer> counts = runs.counts(run.id());
        RunProgress progress = runs.progress(run.id());
        String title = run.groupSync() ? text(language, "page.report.title.group", run.title())
                : text(language, "page.report.title.scan", WHEN.format(times.started()));
        html.write("""
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>PhotoSync – %s</title>
                <style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#242424}
                h1{font-size:1.5rem;font-weight:600}h2{font-size:1.1rem;font-weight:600;margin-top:2rem}
                table{border-collapse:collapse;width:100%%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
                th{background:#f5f5f5;font-weight:600}dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1.5rem}dt{color:#616161}dd{margin:0}
                .stale,.missing,.sync_failed,.nudge_failed,.no_conversation{color:#c4314b}.synced,.nudged,.nudge_tapped,.current{color:#237b4b}
                a{color:#5b5fc7}</style></head><body><main>
                <h1>%s</h1>
                """.formatted(language.getLanguage(), escape(title), escape(title)));
        html.write("<dl>");
        fact(html, text(language, "page.report.action"), run.groupSync() ? text(language, "page.report.action.sync-group")
                : text(language, "card.scan.action." + run.action().key()));
        fact(html, text(language, "page.report.started"), WHEN.format(times.started()));
        fact(html, text(language, "page.report.completed"), times.completed() == null ? text(language, "page.report.running")
                : WHEN.format(times.completed()));
        if (!run.groupSync()) {
            for (ScanClass scanClass : ScanClass.values()) {
                fact(html, text(language, "scan.class." + scanClass.name().toLowerCase(Locale.ROOT)), String.valueOf(counts.getOrDefault(scanClass, 0)));
            }
        }
        if (run.acts()) {
            fact(html, text(language, run.action() == RunAction.NUDGE ? "card.run.nudged" : "card.run.synced"), String.valueOf(progress.done()));
            fact(html, text(language, "card.run.failed"), String.valueOf(progress.failed()));
            fact(html, text(language, "card.run.remaining"), String.valueOf(progress.remaining()));
            fact(html, text(language, "page.report.left-out"), String.valueOf(progress.leftOut()));
        }
        html.write("</dl>");
        html.write("<p><a href=\"" + ReportPage.PATH + "/" + run.id() + "/report.csv\" download>" + escape(text(language, "page.report.csv")) + "</a></p>");
        html.write("<h2>" + escape(text(language, "page.report.people")) + "</h2><table><thead><tr>");
        for (String column : new String[] {"name", "upn", "class", "finding", "outcome"}) {
            html.write("<th scope=\"col\">" + escape(text(language, "page.report.column." + column)) + "</th>");
        }
        html.write("</tr></thead><tbody>\n");
        runs.report(run.id(), row -> write(html, row(row, language)));
        html.write("</tbody></table></main></body></html>\n");
    }

    private String row(ReportRow row, Locale language) {
        String scanClass = row.scanClass() == null ? "" : row.scanClass().name().toLowerCase(Locale.ROOT);
        String outcome = row.outcome().name().toLowerCase(Locale.ROOT);
        return "<tr><td>" + escape(row.displayName()) + "</td><td>" + escape(row.userPrincipalName()) + "</td>"
                + "<td class=\"" + scanClass + "\">" + (scanClass.isEmpty() ? "" : escape(text(language, "scan.class." + scanClass))) + "</td>"
                + "<td>" + escape(row.detail()) + "</td>"
                + "<td class=\"" + outcome + "\">" + escape(text(language, "page.report.outcome." + outcome))
                + (row.outcomeDetail() == null ? "" : ": " + escape(row.outcomeDetail())) + "</td></tr>\n";
    }

    private static void fact(Writer html, String title, String value) throws IOException {
        html.write("<dt>" + escape(title) + "</dt><dd>" + escape(value) + "</dd>");
    }

    private String text(Locale language, String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV cell: quoted when it must be, and a leading {@code = + - @} (or tab, carriage return)
     * defused with an apostrophe, so that a display name cannot become a spreadsheet formula.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String escape(String text) {
        return Pages.escape(text);
    }
}
