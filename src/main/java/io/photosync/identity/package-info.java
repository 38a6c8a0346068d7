/**
 * Who PhotoSync is to Microsoft Entra ID: the app registration's credential (a certificate,
 * or a secret for Graph only) and the app-only tokens obtained with it through msal4j.
 *
 * <p>Everything outside this package asks a {@link io.photosync.identity.TokenProvider} for a token
 * by scope and never sees an msal4j type. SharePoint Online refuses app-only tokens obtained with
 * a client secret, so a deployment with only a secret is refused at start-up.
 */
package io.photosync.identity;
