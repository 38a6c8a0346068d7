package io.photosync.sharepoint;

import com.nimbusds.jwt.JWTParser;
import io.photosync.cluster.SharedBuckets;
import io.photosync.http.RequestBudget;
import io.photosync.http.Sleeper;
import io.photosync.identity.DelegatedResources;
import io.photosync.identity.TokenProvider;
import io.photosync.identity.UserTokens;
import io.photosync.sync.RemoteServiceException.Kind;
import java.text.ParseException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharePointConfiguration {

    /** The hosts of every geo, read from the settings once (a malformed entry stops the start). */
    @Bean
    SharePointGeos sharePointGeos(SharePointProperties properties) {
        return SharePointGeos.of(properties);
    }

    @Bean
    SharePointProfileStore sharePointProfileStore(SharePointProperties properties, SharePointGeos geos, TokenProvider tokens, OkHttpClient http,
                                                  @Value("${photosync.version}") String version, SharePointPacing pacing) {
        requireCertificate(tokens);
        if (properties.mySiteHost() == null || properties.adminHost() == null) {
            throw new IllegalStateException("set photosync.sharepoint.my-site-host and photosync.sharepoint.admin-host");
        }
        return new SharePointProfileStore(clientFor(http, properties, geos, version, pacing, host -> tokens.accessToken(host + "/.default"), true),
                properties, geos, () -> writesProfiles(tokens, properties));
    }

    /**
     * Whether the app token for the admin host carries SharePoint's {@code User.ReadWrite.All}
     * (read from its {@code roles}); when no token can be had, writing is tried, and its failure named.
     */
    static boolean writesProfiles(TokenProvider tokens, SharePointProperties properties) {
        try {
            Object roles = JWTParser.parse(tokens.accessToken(SharePointClient.trim(properties.adminHost()) + "/.default")).getJWTClaimsSet().getClaim("roles");
            return roles instanceof Collection<?> granted && granted.stream().map(String::valueOf).anyMatch("User.ReadWrite.All"::equals);
        } catch (ParseException | RuntimeException e) {
            return true;
        }
    }

    /** SharePoint's resource units per minute, one budget for all replicas when they share PostgreSQL. */
    @Bean
    RequestBudget sharePointBudget(SharedBuckets buckets, @Value("${photosync.sharepoint.budget-per-minute:1200}") int unitsPerMinute) {
        return buckets.database().map(shared -> SharePointBudget.shared(shared, unitsPerMinute))
                .orElseGet(() -> SharePointBudget.local(unitsPerMinute));
    }

    /** What SharePoint charges, learned from its answers, for every SharePoint client of this replica (the app's and people's alike: both spend the app's budget). */
    @Bean
    SharePointPacing sharePointPacing(ObjectProvider<RequestBudget> budget, @Value("${photosync.sharepoint.budget-per-minute:1200}") int unitsPerMinute) {
        // Looked up once, at the first call (not at every call: Spring resolves a provider's bean anew each time).
        AtomicReference<RequestBudget> found = new AtomicReference<>();
        return new SharePointPacing(() -> found.updateAndGet(known -> known != null ? known : budget.getIfAvailable(() -> RequestBudget.UNLIMITED)),
                unitsPerMinute, System::nanoTime);
    }

    /** A person's sign-in is exchanged for the My Site host of every geo: which one is theirs is known only later. */
    @Bean
    DelegatedResources delegatedMySiteHosts(SharePointGeos geos) {
        return geos::mySiteHosts;
    }

    /** The person's own profile, through their delegated token for the My Site host of their geo. */
    @Bean
    SharePointOwnProfile sharePointOwnProfile(SharePointProperties properties, SharePointGeos geos, UserTokens tokens, OkHttpClient http,
                                              @Value("${photosync.version}") String version, SharePointPacing pacing) {
        return new SharePointOwnProfile(geos, objectId -> clientFor(http, properties, geos, version, pacing,
                host -> tokens.accessToken(objectId, host + "/.default").orElseThrow(() -> new SharePointException(Kind.UNAUTHENTICATED, 401, "",
                        "no delegated SharePoint token: the person's Teams sign-in expired or never happened", null)), false));
    }

    /**
     * A client with the decorated User-Agent, Retry-After handling, the shared resource-unit budget
     * (spent per attempt, retries included, at the cost the pacing has learned), and the tokens given: the app's own ({@code appOnly}) or a person's.
     */
    static SharePointClient clientFor(OkHttpClient http, SharePointProperties properties, SharePointGeos geos, String version,
                                      SharePointPacing pacing, Function<String, String> tokens, boolean appOnly) {
        String userAgent = "NONISV|" + properties.organisation() + "|PhotoSync/" + version;
        OkHttpClient sharePointHttp = http.newBuilder()
                .addInterceptor(new SharePointHeadersInterceptor(tokens, geos.allHosts(), userAgent))
                .addInterceptor(new RetryAfterInterceptor(properties.maxRetries(), properties.maxRetryAfter(), Sleeper.THREAD))
                .addInterceptor(new BudgetInterceptor(pacing, properties.maxRetryAfter(), Sleeper.THREAD))
                .build();
        return new SharePointClient(sharePointHttp, appOnly);
    }

    /** SharePoint Online rejects app-only tokens from a secret (401 "Unsupported app only token."): say so at start. */
    private static void requireCertificate(TokenProvider tokens) {
        if (tokens.credentialKind() != TokenProvider.CredentialKind.CERTIFICATE) {
            throw new IllegalStateException("SharePoint app-only needs a certificate, not a secret: SharePoint Online answers "
                    + "401 'Unsupported app only token.' to tokens obtained with a client secret. Upload a certificate to the "
                    + "app registration and set photosync.entra.certificate-path.");
        }
    }
}
