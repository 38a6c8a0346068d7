package io.photosync.identity;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.InteractionRequiredExceptionReason;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.ResponseMode;
import com.microsoft.aad.msal4j.UserAssertion;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams SSO, PhotoSync's way: the SSO token Teams hands over in {@code signin/tokenExchange} is
 * validated ({@link SsoTokenValidator}), then exchanged on-behalf-of the person with msal4j, once
 * per resource PhotoSync acts on (Graph, the My Site host). The resulting delegated tokens are
 * kept per person ({@link DelegatedTokenStore}) and handed out by object id only.
 */
public final class SsoExchange implements UserTokens {

    private static final Logger log = LoggerFactory.getLogger(SsoExchange.class);
    /** A job queued now must still find a usable token when a replica picks it up. */
    private static final Duration USABLE_FOR = Duration.ofMinutes(5);

    /** What became of one exchange. */
    public sealed interface Result {
        /** Delegated tokens for every resource are stored for this person. */
        record SignedIn(String objectId, String userPrincipalName) implements Result {
        }

        /** The token or the exchange was refused; Teams should fall back to the sign-in button. */
        record Refused(String reason) implements Result {
        }

        /** Entra needs the person to consent (or otherwise interact) before it issues tokens. */
        record ConsentRequired(String reason) implements Result {
        }

        /**
         * Conditional Access wants a second factor (multi-factor authentication) that the Teams
         * token does not carry: the person must sign in interactively once.
         */
        record SecondFactorRequired(String reason) implements Result {
        }
    }

    /**
     * Entra's codes for "multi-factor authentication needed": 50076 (use MFA), 50079 (enrol in
     * MFA), 50074 (strong authentication required), 50158 (an external security challenge).
     */
    private static final Set<String> SECOND_FACTOR = Set.of("AADSTS50076", "AADSTS50079", "AADSTS50074", "AADSTS50158");

    private final ConfidentialClientApplication app;
    private final SsoTokenValidator validator;
    private final DelegatedTokenStore store;
    private final SignedInPeople people;
    private final List<String> scopes;
    private final Clock clock;

    SsoExchange(ConfidentialClientApplication app, SsoTokenValidator validator, DelegatedTokenStore store, SignedInPeople people,
                List<String> scopes, Clock clock) {
        this.app = app;
        this.validator = validator;
        this.store = store;
        this.people = people;
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
    }

    /** Validates the SSO token for the person who sent it, then exchanges it for each resource. */
    public Result exchange(String ssoToken, String senderObjectId) {
        JWTClaimsSet claims;
        try {
            claims = validator.validate(ssoToken, senderObjectId);
        } catch (SsoTokenValidator.Rejected e) {
            log.warn("SSO token refused for {}: {}", senderObjectId, e.getMessage());
            return new Result.Refused(e.getMessage());
        }
        String objectId = String.valueOf(claims.getClaim("oid"));
        for (String scope : scopes) {
            Optional<Result> failed = exchangeFor(ssoToken, objectId, scope);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        Object upn = claims.getClaim("preferred_username");
        people.save(objectId, upn == null ? null : upn.toString(), rolesOf(claims), claims.getExpirationTime().toInstant());
        return new Result.SignedIn(objectId, upn == null ? null : upn.toString());
    }

    private static Set<String> rolesOf(JWTClaimsSet claims) {
        Object roles = claims.getClaim("roles");
        if (roles instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /**
     * The person as their last validated SSO token said (UPN, app roles), while it is valid: how
     * PhotoSync knows who an operator is without trusting anything typed.
     */
    public Optional<SignedInPerson> person(String objectId) {
        return people.find(objectId, clock.instant());
    }

    private Optional<Result> exchangeFor(String ssoToken, String objectId, String scope) {
        try {
            IAuthenticationResult result = app.acquireToken(OnBehalfOfParameters.builder(Set.of(scope), new UserAssertion(ssoToken))
                    .skipCache(true).build()).get();
            store.save(objectId, scope, result.accessToken(), result.expiresOnDate().toInstant());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Result.Refused("interrupted while exchanging the SSO token"));
        } catch (ExecutionException e) {
            return Optional.of(refusal(objectId, scope, e.getCause()));
        }
    }

    private static Result refusal(String objectId, String scope, Throwable cause) {
        if (cause instanceof MsalServiceException e) {
            String code = aadsts(e.getMessage());
            String reason = "Entra ID refused the on-behalf-of exchange for " + scope + ": " + e.errorCode() + (code.isEmpty() ? "" : " " + code);
            log.warn("on-behalf-of for {} refused: {}", objectId, reason);
            if (SECOND_FACTOR.contains(code) || (e instanceof MsalInteractionRequiredException ie
                    && (ie.reason() == InteractionRequiredExceptionReason.BASIC_ACTION || ie.reason() == InteractionRequiredExceptionReason.ADDITIONAL_ACTION))) {
                return new Result.SecondFactorRequired(reason);
            }
            boolean consent = code.equals("AADSTS65001") || "interaction_required".equals(e.errorCode()) || "consent_required".equals(e.errorCode())
                    || (e instanceof MsalInteractionRequiredException ie && ie.reason() == InteractionRequiredExceptionReason.CONSENT_REQUIRED);
            return consent ? new Result.ConsentRequired(reason) : new Result.Refused(reason);
        }
        log.warn("on-behalf-of for {} failed: {}", objectId, cause.getClass().getSimpleName());
        return new Result.Refused("the on-behalf-of exchange for " + scope + " failed (" + cause.getClass().getSimpleName() + ")");
    }

    /** The first {@code AADSTSnnnn} code in an Entra error message, or "". */
    private static String aadsts(String message) {
        Matcher m = Pattern.compile("AADSTS\\d+").matcher(String.valueOf(message));
        return m.find() ? m.group() : "";
    }

    /**
     * The fallback when Teams cannot sign the person in silently (consent missing): the Entra
     * authorization URL for the authorization-code flow with PKCE ({@code S256}). Consenting to
     * the app's {@code /.default} scope consents to all its delegated permissions at once. Entra
     * posts the answer to the redirect URI ({@code form_post}: msal4j allows nothing else since 2026,
     * and the code then never appears in a URL).
     */
    public String consentUrl(String redirectUri, String state, String codeChallenge, String loginHint) {
        AuthorizationRequestUrlParameters.Builder parameters = AuthorizationRequestUrlParameters.builder(redirectUri, Set.of(scopes.get(0)))
                .state(state).codeChallenge(codeChallenge).codeChallengeMethod("S256").responseMode(ResponseMode.FORM_POST);
        if (loginHint != null) {
            parameters.loginHint(loginHint);
        }
        return app.getAuthorizationRequestUrl(parameters.build()).toString();
    }

    /**
     * Redeems the code the consent page received; succeeds only for the person the page was
     * opened for, so a link forwarded to someone else signs nobody in.
     */
    public Result redeemConsent(String code, String redirectUri, String codeVerifier, String expectedObjectId) {
        try {
            IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(redirectUri))
                    .scopes(Set.of(scopes.get(0))).codeVerifier(codeVerifier).build()).get();
            JWTClaimsSet id = JWTParser.parse(result.idToken()).getJWTClaimsSet();
            String objectId = String.valueOf(id.getClaim("oid"));
            if (!objectId.equalsIgnoreCase(expectedObjectId)) {
                log.warn("consent page opened for {} was completed by {}", expectedObjectId, objectId);
                return new Result.Refused("signed in as someone else than the person this link was for");
            }
            store.save(objectId, scopes.get(0), result.accessToken(), result.expiresOnDate().toInstant());
            Object upn = id.getClaim("preferred_username");
            return new Result.SignedIn(objectId, upn == null ? null : upn.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Refused("interrupted while redeeming the sign-in");
        } catch (ExecutionException e) {
            return refusal(expectedObjectId, scopes.get(0), e.getCause());
        } catch (ParseException e) {
            return new Result.Refused("Entra ID returned no readable ID token");
        }
    }

    /** Who signed in on one of PhotoSync's own pages, as Entra's ID token says; app roles from its {@code roles}. */
    public record PageVisitor(String objectId, String userPrincipalName, List<String> roles) {
    }

    /**
     * Redeems the code of a sign-in on one of PhotoSync's pages (the run reports) for the ID token
     * only: who it is. No token is kept; the page's own session says who is signed in from then on.
     */
    public Optional<PageVisitor> redeemPageSignIn(String code, String redirectUri, String codeVerifier) {
        try {
            IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters.builder(code, URI.create(redirectUri))
                    .scopes(Set.of(scopes.get(0))).codeVerifier(codeVerifier).build()).get();
            JWTClaimsSet id = JWTParser.parse(result.idToken()).getJWTClaimsSet();
            Object upn = id.getClaim("preferred_username");
            List<String> roles = id.getStringListClaim("roles");
            return Optional.of(new PageVisitor(String.valueOf(id.getClaim("oid")), upn == null ? null : upn.toString(),
                    roles == null ? List.of() : roles));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            log.warn("a page sign-in was refused: {}", e.getCause().getClass().getSimpleName());
            return Optional.empty();
        } catch (ParseException e) {
            log.warn("a page sign-in returned no readable ID token");
            return Optional.empty();
        }
    }

    /** Whether the person has usable delegated tokens for every resource, so no sign-in is needed now. */
    public boolean signedIn(String objectId) {
        return person(objectId).isPresent() && scopes.stream().allMatch(scope -> accessToken(objectId, scope).isPresent());
    }

    @Override
    public Optional<String> accessToken(String objectId, String scope) {
        return store.find(objectId, scope, clock.instant().plus(USABLE_FOR));
    }

    /** Forgets the person's delegated tokens (they removed the app, or a token was refused). */
    public void signOut(String objectId) {
        store.forget(objectId);
        people.forget(objectId);
    }
}
