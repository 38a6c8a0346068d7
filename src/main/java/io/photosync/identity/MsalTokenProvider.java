package io.photosync.identity;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.photosync.http.RetryAfter;
import io.photosync.sync.RemoteServiceException.Kind;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLSocketFactory;

/** App-only tokens from msal4j's confidential client; msal4j caches them per scope until they expire. */
final class MsalTokenProvider implements TokenProvider {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final ConfidentialClientApplication app;
    private final CredentialKind kind;
    private final Map<String, IAuthenticationResult> tokens = new ConcurrentHashMap<>();

    MsalTokenProvider(ConfidentialClientApplication app, CredentialKind kind) {
        this.app = app;
        this.kind = kind;
    }

    /** PhotoSync's one confidential client: app-only tokens and on-behalf-of exchanges both go through it. */
    static ConfidentialClientApplication application(EntraProperties properties, SSLSocketFactory tls) {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(properties.clientId(), credential(properties, kindOf(properties)))
                    .authority(properties.authority())
                    .sslSocketFactory(tls);
            if (!properties.instanceDiscovery()) {
                builder.instanceDiscovery(false).validateAuthority(false);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("photosync.entra.authority-host is not a URL: " + properties.authorityHost(), e);
        }
    }

    /**
     * msal4j caches app tokens too, but files them under the authority's host without its port and
     * looks them up with the port, so an authority on a non-default port (a proxy, the simulated
     * tenant) would fetch a new token for every call. This keeps each scope's token until five
     * minutes before it expires, as msal4j would.
     */
    @Override
    public String accessToken(String scope) {
        IAuthenticationResult cached = tokens.get(scope);
        if (cached != null && cached.expiresOnDate().toInstant().isAfter(Instant.now().plus(REFRESH_MARGIN))) {
            return cached.accessToken();
        }
        IAuthenticationResult fresh = acquire(scope);
        tokens.put(scope, fresh);
        return fresh.accessToken();
    }

    private IAuthenticationResult acquire(String scope) {
        try {
            return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(Kind.UNAVAILABLE, "interrupted while waiting for a token", null, e);
        } catch (ExecutionException e) {
            throw failure(scope, e.getCause());
        }
    }

    @Override
    public CredentialKind credentialKind() {
        return kind;
    }

    static CredentialKind kindOf(EntraProperties properties) {
        if (present(properties.certificatePath())) {
            return CredentialKind.CERTIFICATE;
        }
        if (present(properties.clientSecret())) {
            return CredentialKind.SECRET;
        }
        throw new IllegalStateException("photosync.entra needs a certificate-path (or, for Graph only, a client-secret)");
    }

    private static IClientCredential credential(EntraProperties properties, CredentialKind kind) {
        if (kind == CredentialKind.SECRET) {
            return ClientCredentialFactory.createFromSecret(properties.clientSecret());
        }
        Certificates.KeyAndChain pair = Certificates.read(Path.of(properties.certificatePath()), properties.certificatePassword());
        return ClientCredentialFactory.createFromCertificateChain(pair.key(), List.copyOf(pair.chain()));
    }

    private static IdentityException failure(String scope, Throwable cause) {
        if (cause instanceof MsalServiceException e) {
            int status = e.statusCode() == null ? 0 : e.statusCode();
            Kind kind = status == 429 ? Kind.THROTTLED : status >= 500 ? Kind.UNAVAILABLE : Kind.UNAUTHENTICATED;
            String message = "Entra ID issued no token for " + scope + ": " + e.errorCode() + " " + firstLine(e.getMessage());
            return new IdentityException(kind, message, retryAfter(e.headers()), e);
        }
        return new IdentityException(Kind.UNAVAILABLE, "no token for " + scope + ": " + firstLine(String.valueOf(cause)), null, cause);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(h -> "Retry-After".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty())
                .flatMap(h -> RetryAfter.parse(h.getValue().get(0)).stream())
                .findFirst().orElse(null);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
