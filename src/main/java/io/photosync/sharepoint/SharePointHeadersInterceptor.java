package io.photosync.sharepoint;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds what every SharePoint request needs: a bearer token for the host it goes to (SharePoint
 * tokens are per host: My Site host, admin host, each geo) — PhotoSync's app-only token, or one
 * person's delegated token — and the decorated {@code User-Agent} that keeps PhotoSync's traffic
 * from being throttled first.
 */
final class SharePointHeadersInterceptor implements Interceptor {

    private final Function<String, String> tokens;
    private final List<String> hosts;
    private final String userAgent;

    /** @param tokens the access token for a host, e.g. {@code https://contoso-my.sharepoint.com} */
    SharePointHeadersInterceptor(Function<String, String> tokens, List<String> hosts, String userAgent) {
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
                .header("Authorization", "Bearer " + tokens.apply(host))
                .header("User-Agent", userAgent)
                .build());
    }
}
