package io.photosync.identity;

import javax.net.ssl.SSLSocketFactory;

/** PhotoSync's app-only tokens built from the settings alone, for a caller that checks them (the preflight). */
public final class AppTokens {

    private AppTokens() {
    }

    public static TokenProvider of(EntraProperties properties, SSLSocketFactory tls) {
        return new MsalTokenProvider(MsalTokenProvider.application(properties, tls), MsalTokenProvider.kindOf(properties));
    }
}
