package io.photosync.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter, with one change: its connector clients send asynchronously through OkHttp,
 * whose dispatcher allows five requests per host at a time. All of Teams is one host
 * ({@code smba.trafficmanager.net}), so a busy bot would queue every reply behind five others;
 * the send rate is paced elsewhere, to Teams' own limits.
 */
final class PhotoSyncAdapter extends BotFrameworkAdapter {

    static final int CONCURRENT_SENDS = 64;

    PhotoSyncAdapter(AppCredentials credentials) {
        super(credentials, new AuthenticationConfiguration(), null, null, null);
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials credentials) {
        return super.getOrCreateConnectorClient(serviceUrl, credentials).thenApply(client -> {
            if (client instanceof RestConnectorClient rest) {
                var dispatcher = rest.getRestClient().httpClient().dispatcher();
                if (dispatcher.getMaxRequestsPerHost() < CONCURRENT_SENDS) {
                    dispatcher.setMaxRequests(CONCURRENT_SENDS * 2);
                    dispatcher.setMaxRequestsPerHost(CONCURRENT_SENDS);
                }
            }
            return client;
        });
    }
}
