package io.photosync.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TokenExchangeInvokeRequest;
import com.microsoft.bot.schema.TokenExchangeInvokeResponse;
import io.photosync.i18n.Messages;
import io.photosync.identity.SilentSso;
import io.photosync.identity.SsoExchange;
import io.photosync.jobs.SyncJobRequest;
import io.photosync.web.ConsentPage;
import io.photosync.web.WaitingSignIns;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams SSO in the conversation. A request that needs the sender's own rights waits in
 * {@link SignIns} while the bot sends a sign-in card whose {@code tokenExchangeResource} lets
 * Teams sign them in silently; the {@code signin/tokenExchange} that follows is claimed once
 * (across clients and replicas), validated and exchanged, and answered 200 (and the request
 * resumes) or 412 (and Teams shows the card's sign-in button, which opens PhotoSync's consent page).
 */
final class SignInFlow implements WaitingSignIns {

    private static final Logger log = LoggerFactory.getLogger(SignInFlow.class);
    static final String TOKEN_EXCHANGE = "signin/tokenExchange";
    static final String VERIFY_STATE = "signin/verifyState";
    static final String FAILURE = "signin/failure";

    /** What to do with a request once its sender is signed in. */
    @FunctionalInterface
    interface Resume {
        CompletableFuture<Void> resume(TurnContext turn, SignIns.Pending pending);
    }

    private final SsoExchange sso;
    private final Optional<SilentSso> silent;
    private final SignIns signIns;
    private final SignInCards cards;
    private final Notices notices;
    private final BotFrameworkAdapter adapter;
    private final String botAppId;
    private final String resourceUri;
    private final String signInPage;

    SignInFlow(SsoExchange sso, Optional<SilentSso> silent, SignIns signIns, SignInCards cards, Notices notices, BotFrameworkAdapter adapter,
               String botAppId, String entraClientId, String publicUrl) {
        this.sso = sso;
        this.silent = silent;
        this.signIns = signIns;
        this.cards = cards;
        this.notices = notices;
        this.adapter = adapter;
        this.botAppId = botAppId;
        this.resourceUri = "api://botid-" + entraClientId;
        this.signInPage = publicUrl.replaceAll("/+$", "") + ConsentPage.PATH;
    }

    static boolean handles(String invokeName) {
        return TOKEN_EXCHANGE.equals(invokeName) || VERIFY_STATE.equals(invokeName) || FAILURE.equals(invokeName);
    }

    void signOut(String subjectId) {
        sso.signOut(subjectId);
    }

    /** Whether the person has usable delegated tokens now (signing in silently where the sandbox can). */
    boolean signedIn(String subjectId) {
        if (sso.signedIn(subjectId)) {
            return true;
        }
        return silent.flatMap(source -> source.ssoTokenFor(subjectId))
                .map(token -> sso.exchange(token, subjectId) instanceof SsoExchange.Result.SignedIn)
                .orElse(false);
    }

    /**
     * Parks the request and sends the sign-in card. {@code cardId} is the card to update when the
     * sync ends (the tapped card), or null to send a new one; {@code nudgeId} the nudge whose button
     * was tapped, if any. Nothing is sent for a repeated delivery.
     */
    CompletableFuture<Void> ask(TurnContext turn, Locale language, SyncJobRequest request, String cardId, String nudgeId) {
        return park(turn, language, signIns.open(request, cardId, nudgeId, null));
    }

    /** Parks a typed command (the helpdesk's) until its sender is signed in, then it is read again. */
    CompletableFuture<Void> askFor(TurnContext turn, Locale language, SyncJobRequest request, String command) {
        return park(turn, language, signIns.open(request, null, null, command));
    }

    private CompletableFuture<Void> park(TurnContext turn, Locale language, Optional<SignIns.Pending> pending) {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return sendCard(turn, language, pending.get());
    }

    CompletableFuture<InvokeResponse> onInvoke(TurnContext turn, Resume resume) {
        Activity activity = turn.getActivity();
        Locale language = Messages.languageOf(activity.getLocale());
        String subjectId = activity.getFrom() == null ? null : activity.getFrom().getAadObjectId();
        return switch (activity.getName()) {
            case TOKEN_EXCHANGE -> tokenExchange(turn, subjectId, resume);
            case VERIFY_STATE -> verifyState(turn, language, subjectId);
            default -> failure(turn, language, subjectId);
        };
    }

    private CompletableFuture<InvokeResponse> tokenExchange(TurnContext turn, String subjectId, Resume resume) {
        TokenExchangeInvokeRequest value = readValue(turn.getActivity().getValue());
        if (value == null || value.getId() == null || value.getToken() == null || subjectId == null) {
            return done(412, exchangeAnswer(value, "The sign-in request carried no token."));
        }
        if (!signIns.mayClaim(value.getId(), subjectId)) {
            log.warn("signin/tokenExchange {} presented by {}, who is not the person it was sent to", RefusalLog.escape(value.getId()), subjectId);
            return done(412, exchangeAnswer(value, "This sign-in belongs to someone else."));
        }
        if (!signIns.claim(value.getId(), subjectId)) {
            log.debug("signin/tokenExchange {} already handled by another client or replica", value.getId());
            return done(200, exchangeAnswer(value, null));
        }
        SsoExchange.Result result = sso.exchange(value.getToken(), subjectId);
        if (result instanceof SsoExchange.Result.SecondFactorRequired secondFactor) {
            return secondFactorCard(turn, subjectId).thenApply(sent -> new InvokeResponse(412, exchangeAnswer(value, secondFactor.reason())));
        }
        if (!(result instanceof SsoExchange.Result.SignedIn)) {
            String reason = result instanceof SsoExchange.Result.ConsentRequired consent ? consent.reason()
                    : ((SsoExchange.Result.Refused) result).reason();
            return done(412, exchangeAnswer(value, reason));
        }
        Optional<SignIns.Pending> pending = signIns.complete(value.getId(), subjectId);
        CompletableFuture<Void> resumed = pending.map(p -> resume.resume(turn, p)).orElseGet(() -> CompletableFuture.completedFuture(null));
        return resumed.thenApply(ignored -> new InvokeResponse(200, exchangeAnswer(value, null)));
    }

    /**
     * Teams cannot satisfy a second factor silently, and the card's own button says nothing of why:
     * a card that says so, with only the button (no silent exchange to fail again), to the page
     * where Entra asks for it. The waiting request resumes when that sign-in is done.
     */
    private CompletableFuture<Void> secondFactorCard(TurnContext turn, String subjectId) {
        Locale language = Messages.languageOf(turn.getActivity().getLocale());
        Optional<SignIns.Pending> pending = signIns.latestOpen(subjectId);
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String page = signInPage + "?request=" + pending.get().id();
        return turn.sendActivity(MessageFactory.attachment(cards.secondFactor(language, page))).thenApply(sent -> null);
    }

    /** After the sign-in button (the consent page): send the card again, so the now-consented exchange runs silently. */
    private CompletableFuture<InvokeResponse> verifyState(TurnContext turn, Locale language, String subjectId) {
        Optional<SignIns.Pending> pending = subjectId == null ? Optional.empty() : signIns.latestOpen(subjectId);
        CompletableFuture<Void> sent = pending.isPresent()
                ? sendCard(turn, language, pending.get())
                : turn.sendActivity(MessageFactory.attachment(notices.notice(language, "card.signed-in"))).thenApply(r -> null);
        return sent.thenApply(ignored -> new InvokeResponse(200, null));
    }

    /** Teams could not even try the exchange (resource mismatch, app not installed …): say so plainly. */
    private CompletableFuture<InvokeResponse> failure(TurnContext turn, Locale language, String subjectId) {
        Object value = turn.getActivity().getValue();
        String code = value instanceof Map<?, ?> map && map.get("code") != null ? map.get("code").toString() : "unknown";
        log.warn("signin/failure from Teams for {}: {}", subjectId, RefusalLog.escape(code));
        return turn.sendActivity(MessageFactory.attachment(cards.signInFailed(language, code)))
                .thenApply(ignored -> new InvokeResponse(200, null));
    }

    /**
     * After the consent page: the sign-in card once more, into the person's chat, so Teams now
     * exchanges silently and the waiting request resumes ({@code signin/verifyState} does the same
     * when Teams sends it).
     */
    @Override
    public Optional<Waiting> waiting(String requestId) {
        return signIns.waiting(requestId).map(pending -> new Waiting(pending.id(), pending.subjectId(), Locale.forLanguageTag(pending.language())));
    }

    /** Signed in on the consent page: the sign-in card again, so Teams now exchanges silently and the request resumes. */
    @Override
    public void consented(String requestId) {
        signIns.waiting(requestId).ifPresent(this::sendCardAgain);
    }

    private void sendCardAgain(SignIns.Pending pending) {
        try {
            adapter.continueConversation(botAppId, ConversationReferences.fromJson(pending.conversationJson()),
                    turn -> sendCard(turn, Locale.forLanguageTag(pending.language()), pending)).join();
        } catch (RuntimeException e) {
            log.warn("could not send the sign-in card again to {}: {}", pending.subjectId(), e.getMessage());
        }
    }

    private CompletableFuture<Void> sendCard(TurnContext turn, Locale language, SignIns.Pending pending) {
        String exchangeId = SignIns.exchangeIdFor(pending);
        String page = signInPage + "?request=" + pending.id();
        return turn.sendActivity(MessageFactory.attachment(cards.signIn(language, exchangeId, resourceUri, page))).thenApply(sent -> null);
    }

    private static TokenExchangeInvokeRequest readValue(Object value) {
        try {
            return Serialization.safeGetAs(value, TokenExchangeInvokeRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static TokenExchangeInvokeResponse exchangeAnswer(TokenExchangeInvokeRequest request, String failureDetail) {
        TokenExchangeInvokeResponse answer = new TokenExchangeInvokeResponse();
        answer.setId(request == null ? null : request.getId());
        answer.setConnectionName(request == null ? null : request.getConnectionName());
        answer.setFailureDetail(failureDetail);
        return answer;
    }

    private static CompletableFuture<InvokeResponse> done(int status, Object body) {
        return CompletableFuture.completedFuture(new InvokeResponse(status, body));
    }
}
