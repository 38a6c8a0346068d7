package io.photosync.identity;

/** App-only access tokens for PhotoSync's own Entra app registration. */
public interface TokenProvider {

    /** A valid access token for the scope (for example {@code https://graph.microsoft.com/.default}). */
    String accessToken(String scope);

    /** How the app proves its identity; SharePoint app-only accepts only {@link CredentialKind#CERTIFICATE}. */
    CredentialKind credentialKind();

    /** The kinds of app credential Entra ID accepts. */
    enum CredentialKind { CERTIFICATE, SECRET }
}
