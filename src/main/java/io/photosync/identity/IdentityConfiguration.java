package io.photosync.identity;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import io.photosync.http.Tls;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    ConfidentialClientApplication confidentialClientApplication(EntraProperties properties, Tls tls) {
        if (!properties.tenantConfigured()) {
            throw new IllegalStateException("photosync.entra.tenant-id is not set (and no simulated tenant was started)");
        }
        return MsalTokenProvider.application(properties, tls.socketFactory());
    }

    @Bean
    TokenProvider tokenProvider(ConfidentialClientApplication app, EntraProperties properties) {
        return new MsalTokenProvider(app, MsalTokenProvider.kindOf(properties));
    }

    /**
     * On-behalf-of for the two resources a delegated sync touches: Graph (the person's own photo)
     * and the My Site host (SetMyProfilePicture).
     */
    @Bean
    SsoExchange ssoExchange(ConfidentialClientApplication app, EntraProperties entra, SsoProperties sso, OkHttpClient http,
                            JdbcClient jdbc, TransactionTemplate transactions,
                            @Value("${photosync.graph.base-url:https://graph.microsoft.com/v1.0}") String graphBaseUrl,
                            @Value("${photosync.sharepoint.my-site-host:}") String mySiteHost,
                            @Value("${photosync.sync.self-mode:delegated-then-app-only}") String selfMode,
                            @Value("${photosync.bot.public-url:}") String publicUrl, ObjectProvider<DelegatedResources> resources) {
        Clock clock = Clock.systemUTC();
        SsoTokenValidator validator = new SsoTokenValidator(http, entra, entra.clientId(), publicUrl, clock);
        DelegatedTokenStore store = new DelegatedTokenStore(jdbc, transactions, tokenKey(sso, !"app-only".equals(selfMode)), clock);
        List<String> scopes = new ArrayList<>(List.of(scopeOf(graphBaseUrl)));
        resources.getIfAvailable(() -> () -> mySiteHost.isBlank() ? List.of() : List.of(mySiteHost)).urls()
                .forEach(url -> scopes.add(scopeOf(url)));
        return new SsoExchange(app, validator, store, new SignedInPeople(jdbc, transactions), scopes, clock);
    }

    /** A resource's {@code /.default} scope: its origin (Graph's without the version path). */
    static String scopeOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath().replaceAll("/v1\\.0/?$|/beta/?$|/+$", "") + "/.default";
    }

    private static SecretKey tokenKey(SsoProperties sso, boolean required) {
        String encoded = sso.tokenKey();
        if ((encoded == null || encoded.isBlank()) && sso.tokenKeyPath() != null && !sso.tokenKeyPath().isBlank()) {
            try {
                encoded = Files.readString(Path.of(sso.tokenKeyPath()), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new IllegalStateException("photosync.sso.token-key-path cannot be read: " + sso.tokenKeyPath(), e);
            }
        }
        if (encoded == null || encoded.isBlank()) {
            if (required) {
                throw new IllegalStateException("Teams SSO needs photosync.sso.token-key (or token-key-path): 32 random bytes, base64, "
                        + "the same on every replica (openssl rand -base64 32). It seals the delegated tokens PhotoSync stores. "
                        + "Or set photosync.sync.self-mode=app-only to sync without signing people in.");
            }
            log.info("no photosync.sso.token-key: self-mode is app-only, so no delegated token will be stored");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new SecretKeySpec(random, "AES");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("photosync.sso.token-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("photosync.sso.token-key must be 32 bytes (base64 of 32 random bytes), not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
