package io.photosync.web;

import io.photosync.helpdesk.Operators;
import io.photosync.i18n.Messages;
import io.photosync.identity.SsoExchange;
import io.photosync.scan.ScanRun;
import io.photosync.scan.Scans;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
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
public class ReportPage {

    static final String PATH = "/reports";
    static final String CALLBACK = PATH + "/callback";
    static final String COOKIE = "photosync_report";
    /** The nonce of the browser a sign-in started in; see {@link ReportSessions}. */
    static final String FLOW_COOKIE = "photosync_report_flow";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern RETURN_PATH = Pattern.compile(PATH + "/[A-Za-z0-9-]{1,64}(/report\\.csv)?");
    private static final Logger log = LoggerFactory.getLogger(ReportPage.class);

    private final Scans runs;
    private final ReportDocument document;
    private final ReportSessions sessions;
    private final SsoExchange sso;
    private final Operators operators;
    private final Messages messages;
    private final String publicUrl;
    private final boolean secureCookie;

    ReportPage(Scans runs, ReportSessions sessions, SsoExchange sso, Operators operators, Messages messages, PublicUrl publicUrl) {
        this.runs = runs;
        this.document = new ReportDocument(runs, messages);
        this.sessions = sessions;
        this.sso = sso;
        this.operators = operators;
        this.messages = messages;
        this.publicUrl = publicUrl.value();
        this.secureCookie = publicUrl.secure();
    }

    /** Where the report of a run is, for the card's button. */
    public static String url(String publicUrl, String runId) {
        return publicUrl.replaceAll("/+$", "") + PATH + "/" + runId;
    }

    @GetMapping(PATH + "/{runId}")
    ResponseEntity<StreamingResponseBody> page(@PathVariable String runId, @CookieValue(name = COOKIE, required = false) String cookie,
                                               @CookieValue(name = FLOW_COOKIE, required = false) String browser) {
        return withRun(runId, cookie, browser, PATH + "/" + runId, run -> {
            Locale language = Locale.forLanguageTag(run.language());
            StreamingResponseBody body = out -> {
                Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                document.writeHtml(html, run, language);
                html.flush();
            };
            return ResponseEntity.ok().contentType(Pages.HTML).headers(Pages::secure).body(body);
        });
    }

    @GetMapping(PATH + "/{runId}/report.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String runId, @CookieValue(name = COOKIE, required = false) String cookie,
                                              @CookieValue(name = FLOW_COOKIE, required = false) String browser) {
        return withRun(runId, cookie, browser, PATH + "/" + runId + "/report.csv", run -> {
            StreamingResponseBody body = out -> {
                Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                document.writeCsv(csv, run);
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
        String session = sessions.open(visitor.get().objectId(), visitor.get().userPrincipalName(), flow.get());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, cookie(COOKIE, session, sessions.lifetime()))
                .header(HttpHeaders.LOCATION, flow.get().returnPath()).headers(Pages::secure).build();
    }

    @FunctionalInterface
    private interface RunResponse {
        ResponseEntity<StreamingResponseBody> answer(ScanRun run);
    }

    /** An operator's session and a known run: answer; no session: sign in first, then come back. */
    private ResponseEntity<StreamingResponseBody> withRun(String runId, String cookie, String browser, String returnPath, RunResponse answer) {
        if (!RUN_ID.matcher(runId).matches() || !RETURN_PATH.matcher(returnPath).matches()) {
            return streamed(notice(HttpStatus.NOT_FOUND, "page.report.not-found"));
        }
        if (sessions.find(cookie, browser).isEmpty()) {
            return streamed(signIn(returnPath));
        }
        return runs.find(runId).map(answer::answer).orElseGet(() -> streamed(notice(HttpStatus.NOT_FOUND, "page.report.not-found")));
    }

    /** A short answer in the shape of a streamed one, for the handlers that stream. */
    private static ResponseEntity<StreamingResponseBody> streamed(ResponseEntity<String> answer) {
        byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(out -> out.write(body));
    }

    private ResponseEntity<String> signIn(String returnPath) {
        String verifier = Pages.random(48);
        String browser = Pages.random(24);
        String state = sessions.startFlow(verifier, returnPath, browser);
        String url = sso.consentUrl(publicUrl + CALLBACK, state, Pages.challenge(verifier), null);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url)
                .header(HttpHeaders.SET_COOKIE, cookie(FLOW_COOKIE, browser, ReportSessions.FLOW_LIFETIME)).headers(Pages::secure).build();
    }

    /** The report pages' cookies: theirs alone (path), out of scripts' reach, sent on top-level navigations only. */
    private String cookie(String name, String value, Duration lifetime) {
        return ResponseCookie.from(name, value).path(PATH).httpOnly(true).secure(secureCookie).sameSite("Lax").maxAge(lifetime).build().toString();
    }

    private ResponseEntity<String> notice(HttpStatus status, String key) {
        return Pages.notice(status, Locale.ENGLISH, messages.get(Locale.ENGLISH, key + ".title"), messages.get(Locale.ENGLISH, key + ".text"));
    }

}
