package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.photosync.i18n.Messages;
import io.photosync.identity.EntraProperties;
import io.photosync.identity.SilentSso;
import io.photosync.identity.SsoExchange;
import io.photosync.identity.TokenProvider;
import io.photosync.web.PublicUrl;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the Bot Framework adapter, the bot and its worker; refuses to run anonymous outside sandbox mode. */
@Configuration(proxyBeanMethods = false)
class BotConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotConfiguration.class);

    @Bean
    BotFrameworkAdapter botFrameworkAdapter(BotProperties bot, EntraProperties entra, TokenProvider tokens, Messages messages,
                                            @Value("${photosync.sandbox.active:false}") boolean sandbox) {
        if (bot.anonymous() && !sandbox) {
            throw new IllegalStateException("photosync.bot.app-id is not set. Without it the bot would accept unauthenticated "
                    + "requests, which only sandbox mode allows; set PHOTOSYNC_BOT_APP_ID to the bot's Microsoft app id.");
        }
        if (!bot.anonymous() && entra.clientId() != null && !bot.appId().equalsIgnoreCase(entra.clientId())) {
            throw new IllegalStateException("photosync.bot.app-id (" + bot.appId() + ") differs from photosync.entra.client-id ("
                    + entra.clientId() + "). PhotoSync signs in to the Bot Connector as its Entra app, so they must be the same app.");
        }
        if (bot.anonymous()) {
            log.warn("The bot accepts unauthenticated requests (sandbox mode, no photosync.bot.app-id).");
        }
        BotFrameworkAdapter adapter = new PhotoSyncAdapter(new TokenProviderCredentials(bot.appId(), tokens, bot.connectorTokenScope()));
        TurnErrors turnErrors = new TurnErrors(Clock.systemUTC());
        adapter.setOnTurnError((turn, error) -> {
            if (isContinuation(turn.getActivity())) {
                // A proactive send failed: hand the error back to the caller, which may retry it.
                return CompletableFuture.failedFuture(error);
            }
            turnErrors.failed(turn.getActivity().getType(), error);
            String sorry = messages.get(Messages.languageOf(turn.getActivity().getLocale()), "error.unexpected");
            return turn.sendActivity(MessageFactory.text(sorry)).thenApply(sent -> null);
        });
        return adapter;
    }

    private static boolean isContinuation(Activity activity) {
        return ActivityTypes.EVENT.equals(activity.getType()) && "ContinueConversation".equals(activity.getName());
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} at once by default, so a client would upload a
     * 100 MB body only to be told 413. Sent only when the endpoint reads the body, the 100 never
     * goes to a request that was refused on its headers.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnRead() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    @Bean
    ChannelAuthentication channelAuthentication(BotProperties bot, OkHttpClient http) {
        return new ChannelAuthentication(bot.appId(), bot.openIdMetadataUrl(), ChannelIssuers.parse(bot.channelIssuers(), bot.serviceUrlHosts(), bot.openIdMetadataUrl()), http);
    }

    @Bean
    ConversationReferences conversationReferences(DataSource dataSource) {
        return new ConversationReferences(JdbcClient.create(dataSource), Clock.systemUTC());
    }

    /** Where the browser pages are, for the links on cards. */
    @Bean
    PublicUrl publicUrl(BotProperties bot) {
        return new PublicUrl(bot.publicUrl());
    }

    @Bean
    SignIns signIns(DataSource dataSource) {
        return new SignIns(JdbcClient.create(dataSource), Clock.systemUTC());
    }

    @Bean
    SignInFlow signInFlow(SsoExchange sso, Optional<SilentSso> silent, SignIns signIns, Messages messages,
                          BotFrameworkAdapter adapter, EntraProperties entra, BotProperties bot) {
        return new SignInFlow(sso, silent, signIns, new SignInCards(messages), new Notices(messages), adapter, bot.appId(), entra.clientId(),
                bot.publicUrl());
    }

    /** Outbound Bot Connector calls authenticate with PhotoSync's own Entra app, through the same token provider as Graph. */
    static final class TokenProviderCredentials extends AppCredentials {

        private final TokenProvider tokens;

        /** @param scope the Bot Connector token's scope, e.g. {@code https://api.botframework.com/.default} */
        TokenProviderCredentials(String appId, TokenProvider tokens, String scope) {
            super(null, scope.replaceAll("/\\.default$", ""));
            setAppId(appId);
            this.tokens = tokens;
        }

        @Override
        public CompletableFuture<String> getToken() {
            // Synchronous: the connector's interceptor waits for it anyway, and a shared pool would only add a queue.
            return CompletableFuture.completedFuture(
                    tokens.accessToken(oAuthScope().endsWith("/.default") ? oAuthScope() : oAuthScope() + "/.default"));
        }

        @Override
        protected Authenticator buildAuthenticator() {
            throw new UnsupportedOperationException("tokens come from the TokenProvider");
        }
    }
}
