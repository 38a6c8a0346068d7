package io.photosync.bot;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
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

    ChannelAuthentication(String botAppId) {
        this.credentials = new SimpleCredentialProvider(botAppId, null);
    }

    /** The caller's identity; throws the SDK's {@code AuthenticationException} (possibly wrapped) when the token is not good. */
    ClaimsIdentity verify(Activity activity, String authorization) {
        return JwtTokenValidation.authenticateRequest(activity, authorization, credentials, null, configuration).join();
    }
}
