package io.photosync.sharepoint;

import io.photosync.identity.TokenProvider;
import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds what every SharePoint request needs: an app-only bearer token for the host it goes to
 * (SharePoint tokens are per host: My Site host, admin host, each geo), and the decorated
 * {@code User-Agent} that keeps PhotoSync's traffic from being throttled first.
 */
final class SharePointHeadersInterceptor implements Interceptor {

    private final TokenProvider tokens;
    private final List<String> hosts;
    private final String userAgent;

    SharePointHeadersInterceptor(TokenProvider tokens, List<String> hosts, String userAgent) {
        this.tokens = tokens;
        this.hosts = hosts.stream().map(SharePointClient::trim).toList();
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String url = chain.request().url().toString();
        String host = hosts.stream().filter(h -> url.startsWith(h + "/")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a configured SharePoint host: " + chain.request().url().host()));
        return chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer " + tokens.accessToken(host + "/.default"))
                .header("User-Agent", userAgent)
                .build());
    }
}
