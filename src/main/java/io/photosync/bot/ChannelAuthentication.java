package io.photosync.bot;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;

/**
 * Validates the channel's token on an incoming activity, as the adapter would, but apart from it:
 * the adapter would then run the whole turn on the SDK's small shared thread pool (twice the
 * cores), so a hundred users at once would queue behind four blocking turns. Validated here, the
 * turn runs on the request's own thread.
 */
final class ChannelAuthentication {

    private final SimpleCredentialProvider credentials;
    private final AuthenticationConfiguration configuration = new AuthenticationConfiguration();
    private final String openIdMetadataUrl;

    /** @param openIdMetadataUrl where the channel's signing keys are published; null or blank keeps the SDK's (Microsoft's) */
    ChannelAuthentication(String botAppId, String openIdMetadataUrl) {
        this.credentials = new SimpleCredentialProvider(botAppId, null);
        this.openIdMetadataUrl = openIdMetadataUrl == null || openIdMetadataUrl.isBlank() ? null : openIdMetadataUrl;
    }

    /** The caller's identity; throws the SDK's {@code AuthenticationException} (possibly wrapped) when the token is not good. */
    ClaimsIdentity verify(Activity activity, String authorization) {
        // The SDK keeps the URL in a static field. One bot per JVM never changes it; where there
        // are several (the tests start some), each puts its own back before it validates.
        if (openIdMetadataUrl != null && !openIdMetadataUrl.equals(ChannelValidation.getOpenIdMetaDataUrl())) {
            ChannelValidation.setOpenIdMetaDataUrl(openIdMetadataUrl);
        }
        return JwtTokenValidation.authenticateRequest(activity, authorization, credentials, null, configuration).join();
    }
}
