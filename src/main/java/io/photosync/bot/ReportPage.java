package io.photosync.bot;

import io.photosync.identity.SsoExchange;
import io.photosync.jobs.JdbcScanStore;
import io.photosync.jobs.ReportRow;
import io.photosync.jobs.RunProgress;
import io.photosync.jobs.ScanRun;
import io.photosync.sync.ScanClass;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The report of a run (a tenant scan or a group sync): every person, what was found and what was
 * done, as a page and as CSV. Only helpdesk operators may read it: the browser signs in with
 * Entra (authorization code with PKCE, the same app registration), and PhotoSync checks the
 * operator role or group before it opens a session for an hour.
 */
@RestController
class ReportPage {

    static final String PATH = "/reports";
    static final String CALLBACK = PATH + "/callback";
    static final String COOKIE = "photosync_report";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern RETURN_PATH = Pattern.compile(PATH + "/[A-Za-z0-9-]{1,64}(/report\\.csv)?");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ReportPage.class);

    private final JdbcScanStore runs;
    private final ReportSessions sessions;
    private final SsoExchange sso;
    private final Operators operators;
    private final Messages messages;
    private final String publicUrl;
    private final boolean secureCookie;

    ReportPage(JdbcScanStore runs, ReportSessions sessions, SsoExchange sso, Operators operators, Messages messages, BotProperties bot) {
        this.runs = runs;
        this.sessions = sessions;
        this.sso = sso;
        this.operators = operators;
        this.messages = messages;
        this.publicUrl = bot.publicUrl().replaceAll("/+$", "");
        this.secureCookie = publicUrl.startsWith("https:");
    }

    /** Where the report of a run is, for the card's button. */
    static String url(String publicUrl, String runId) {
        return publicUrl.replaceAll("/+$", "") + PATH + "/" + runId;
    }

    @GetMapping(PATH + "/{runId}")
    ResponseEntity<StreamingResponseBody> page(@PathVariable String runId, @CookieValue(name = COOKIE, required = false) String cookie) {
        return withRun(runId, cookie, PATH + "/" + runId, run -> {
            Locale language = Locale.forLanguageTag(run.language());
            StreamingResponseBody body = out -> {
                Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writePage(html, run, language);
                html.flush();
            };
            return ResponseEntity.ok().contentType(Pages.HTML).headers(Pages::secure).body(body);
        });
    }

    @GetMapping(PATH + "/{runId}/report.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String runId, @CookieValue(name = COOKIE, required = false) String cookie) {
        return withRun(runId, cookie, PATH + "/" + runId + "/report.csv", run -> {
            StreamingResponseBody body = out -> {
                Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csv.write('\uFEFF'); // so that Excel reads the names as UTF-8
                csv.write("display_name,user_principal_name,object_id,class,finding,outcome,outcome_detail\r\n");
                runs.report(run.id(), row -> {
                    try {
                        csv.write(String.join(",", cell(row.displayName()), cell(row.userPrincipalName()), cell(row.objectId()),
                                cell(row.scanClass() == null ? "" : row.scanClass().name().toLowerCase(Locale.ROOT)), cell(row.detail()),
                                cell(row.outcome().name().toLowerCase(Locale.ROOT)), cell(row.outcomeDetail())) + "\r\n");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                csv.flush();
            };
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("photosync-" + run.id() + ".csv").build().toString())
                    .headers(Pages::secure).body(body);
        });
    }

    /**
     * Entra sends the browser back here (a form post, as msal4j asks for since 2026; a query on
     * GET too): open a session for an operator, and go back to the report.
     */
    @RequestMapping(path = CALLBACK, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> callback(@RequestParam(name = "state", required = false) String state,
                               @RequestParam(name = "code", required = false) String code,
                               @RequestParam(name = "error", required = false) String error) {
        Optional<ReportSessions.Flow> flow = state == null ? Optional.empty() : sessions.takeFlow(state);
        if (flow.isEmpty()) {
            return notice(HttpStatus.BAD_REQUEST, "page.report.expired");
        }
        if (error != null || code == null) {
            return notice(HttpStatus.OK, "page.report.declined");
        }
        Optional<SsoExchange.PageVisitor> visitor = sso.redeemPageSignIn(code, publicUrl + CALLBACK, flow.get().codeVerifier());
        if (visitor.isEmpty()) {
            return notice(HttpStatus.FORBIDDEN, "page.report.sign-in-failed");
        }
        if (!operators.operator(visitor.get().objectId(), visitor.get().roles())) {
            log.info("{} signed in to read a report but is not an operator", visitor.get().objectId());
            return notice(HttpStatus.FORBIDDEN, "page.report.not-operator");
        }
        String session = sessions.open(visitor.get().objectId(), visitor.get().userPrincipalName());
        ResponseCookie cookie = ResponseCookie.from(COOKIE, session).path(PATH).httpOnly(true).secure(secureCookie).sameSite("Lax")
                .maxAge(sessions.lifetime()).build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, flow.get().returnPath()).headers(Pages::secure).build();
    }

    @FunctionalInterface
    private interface RunResponse {
        ResponseEntity<StreamingResponseBody> answer(ScanRun run);
    }

    /** An operator's session and a known run: answer; no session: sign in first, then come back. */
    private ResponseEntity<StreamingResponseBody> withRun(String runId, String cookie, String returnPath, RunResponse answer) {
        if (!RUN_ID.matcher(runId).matches() || !RETURN_PATH.matcher(returnPath).matches()) {
            return streamed(notice(HttpStatus.NOT_FOUND, "page.report.not-found"));
        }
        if (sessions.find(cookie).isEmpty()) {
            return streamed(signIn(returnPath));
        }
        return runs.run(runId).map(answer::answer).orElseGet(() -> streamed(notice(HttpStatus.NOT_FOUND, "page.report.not-found")));
    }

    /** A short answer in the shape of a streamed one, for the handlers that stream. */
    private static ResponseEntity<StreamingResponseBody> streamed(ResponseEntity<String> answer) {
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(out -> out.write(body));
    }

    private ResponseEntity<String> signIn(String returnPath) {
        String verifier = Pages.random(48);
        String state = sessions.startFlow(verifier, returnPath);
        String url = sso.consentUrl(publicUrl + CALLBACK, state, Pages.challenge(verifier), null);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url).headers(Pages::secure).build();
    }

    private void writePage(Writer html, ScanRun run, Locale language) throws IOException {
        JdbcScanStore.Times times = runs.times(run.id()).orElseThrow();
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
                : text(language, "card.scan.action." + run.action()));
        fact(html, text(language, "page.report.started"), WHEN.format(times.started()));
        fact(html, text(language, "page.report.completed"), times.completed() == null ? text(language, "page.report.running")
                : WHEN.format(times.completed()));
        if (!run.groupSync()) {
            for (ScanClass scanClass : ScanClass.values()) {
                fact(html, text(language, "scan.class." + scanClass.name().toLowerCase(Locale.ROOT)), String.valueOf(counts.getOrDefault(scanClass, 0)));
            }
        }
        if (run.acts()) {
            fact(html, text(language, run.action().equals("nudge") ? "card.run.nudged" : "card.run.synced"), String.valueOf(progress.done()));
            fact(html, text(language, "card.run.failed"), String.valueOf(progress.failed()));
            fact(html, text(language, "card.run.remaining"), String.valueOf(progress.remaining()));
            fact(html, text(language, "page.report.left-out"), String.valueOf(progress.leftOut()));
        }
        html.write("</dl>");
        html.write("<p><a href=\"" + PATH + "/" + run.id() + "/report.csv\" download>" + escape(text(language, "page.report.csv")) + "</a></p>");
        html.write("<h2>" + escape(text(language, "page.report.people")) + "</h2><table><thead><tr>");
        for (String column : new String[] {"name", "upn", "class", "finding", "outcome"}) {
            html.write("<th scope=\"col\">" + escape(text(language, "page.report.column." + column)) + "</th>");
        }
        html.write("</tr></thead><tbody>\n");
        runs.report(run.id(), row -> {
            try {
                writeRow(html, row, language);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        html.write("</tbody></table></main></body></html>\n");
    }

    private void writeRow(Writer html, ReportRow row, Locale language) throws IOException {
        String scanClass = row.scanClass() == null ? "" : row.scanClass().name().toLowerCase(Locale.ROOT);
        String outcome = row.outcome().name().toLowerCase(Locale.ROOT);
        html.write("<tr><td>" + escape(row.displayName()) + "</td><td>" + escape(row.userPrincipalName()) + "</td>"
                + "<td class=\"" + scanClass + "\">" + (scanClass.isEmpty() ? "" : escape(text(language, "scan.class." + scanClass))) + "</td>"
                + "<td>" + escape(row.detail()) + "</td>"
                + "<td class=\"" + outcome + "\">" + escape(text(language, "page.report.outcome." + outcome))
                + (row.outcomeDetail() == null ? "" : ": " + escape(row.outcomeDetail())) + "</td></tr>\n");
    }

    private static void fact(Writer html, String title, String value) throws IOException {
        html.write("<dt>" + escape(title) + "</dt><dd>" + escape(value) + "</dd>");
    }

    private String text(Locale language, String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }

    private ResponseEntity<String> notice(HttpStatus status, String key) {
        return Pages.notice(status, Locale.ENGLISH, messages.get(Locale.ENGLISH, key + ".title"), messages.get(Locale.ENGLISH, key + ".text"));
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
