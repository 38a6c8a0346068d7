package io.photosync.identity;

/** App-only access tokens for PhotoSync's own Entra app registration. */
public interface TokenProvider {

    /** A valid access token for the scope (for example {@code https://graph.microsoft.com/.default}). */
    String accessToken(String scope);

    /** How the app proves its identity; SharePoint app-only accepts only {@link CredentialKind#CERTIFICATE}. */
    CredentialKind credentialKind();

    /** PhotoSync's app-only tokens, for a caller outside the application context (the preflight check). */
    static TokenProvider forApp(EntraProperties properties, javax.net.ssl.SSLSocketFactory tls) {
        return new MsalTokenProvider(MsalTokenProvider.application(properties, tls), MsalTokenProvider.kindOf(properties));
    }

    /** The kinds of app credential Entra ID accepts. */
    enum CredentialKind { CERTIFICATE, SECRET }
}
