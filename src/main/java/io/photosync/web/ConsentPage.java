package io.photosync.web;

import io.photosync.i18n.Messages;
import io.photosync.identity.SsoExchange;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page the sign-in card's button opens when Teams could not sign the person in silently
 * (usually: they have not consented yet). It runs Entra's authorization-code flow with PKCE,
 * keeps the result, sends the sign-in card again so Teams now exchanges silently and the waiting
 * request resumes, and tells the person they may close the window. No Bot Framework token
 * service and no OAuth connection setting are involved.
 */
@RestController
public class ConsentPage {

    public static final String PATH = "/sign-in";
    static final String CALLBACK = PATH + "/callback";
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(15);

    private final WaitingSignIns signIns;
    private final ConsentStates flows;
    private final SsoExchange sso;
    private final Directory directory;
    private final Messages messages;
    private final String callbackUrl;

    ConsentPage(WaitingSignIns signIns, ConsentStates flows, SsoExchange sso, Directory directory, Messages messages, PublicUrl publicUrl) {
        this.signIns = signIns;
        this.flows = flows;
        this.sso = sso;
        this.directory = directory;
        this.messages = messages;
        this.callbackUrl = publicUrl.at(CALLBACK);
    }

    /** Starts the flow for one waiting request: on to Entra's sign-in and consent page. */
    @GetMapping(PATH)
    ResponseEntity<String> start(@RequestParam(name = "request", required = false) String requestId) {
        Optional<WaitingSignIns.Waiting> pending = requestId == null ? Optional.empty() : signIns.waiting(requestId);
        if (pending.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, Locale.ENGLISH, "page.sign-in.expired");
        }
        String verifier = Pages.random(48);
        String state = Pages.random(24);
        flows.save(state, pending.get(), verifier);
        String loginHint = directory.findUser(pending.get().subjectId()).map(DirectoryUser::userPrincipalName).orElse(null);
        String url = sso.consentUrl(callbackUrl, state, Pages.challenge(verifier), loginHint);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url).headers(Pages::secure).build();
    }

    /** Entra sends the person back here with a code (or an error): a form post (msal4j asks for one since 2026), or a query. */
    @RequestMapping(path = CALLBACK, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> callback(@RequestParam(name = "state", required = false) String state,
                                    @RequestParam(name = "code", required = false) String code,
                                    @RequestParam(name = "error", required = false) String error) {
        Optional<ConsentStates.InProgress> flowState = state == null ? Optional.empty() : flows.take(state, FLOW_LIFETIME);
        if (flowState.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, Locale.ENGLISH, "page.sign-in.expired");
        }
        Optional<WaitingSignIns.Waiting> pending = signIns.waiting(flowState.get().requestId());
        Locale language = pending.map(WaitingSignIns.Waiting::language).orElse(Locale.ENGLISH);
        if (error != null || code == null) {
            return page(HttpStatus.OK, language, "page.sign-in.declined");
        }
        SsoExchange.Result result = sso.redeemConsent(code, callbackUrl, flowState.get().codeVerifier(), flowState.get().subjectId());
        if (!(result instanceof SsoExchange.Result.SignedIn)) {
            return page(HttpStatus.FORBIDDEN, language, "page.sign-in.failed");
        }
        pending.ifPresent(request -> signIns.consented(request.id()));
        return page(HttpStatus.OK, language, "page.sign-in.done");
    }

    private ResponseEntity<String> page(HttpStatus status, Locale language, String key) {
        return Pages.notice(status, language, messages.get(language, key + ".title"), messages.get(language, key + ".text"));
    }
}
