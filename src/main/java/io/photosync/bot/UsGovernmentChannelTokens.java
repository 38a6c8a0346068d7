package io.photosync.bot;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.GovernmentChannelValidation;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Channel tokens of the US government clouds' Bot Framework (GCC High, DoD), checked with the SDK's
 * own pieces. The SDK's {@code GovernmentChannelValidation.authenticateToken} refuses every token in
 * 4.14.3: its validation parameters list no valid issuer at all. This gives the SDK's token extractor
 * the one issuer ({@code https://api.botframework.us}) and the channel's keys, then runs the SDK's
 * identity checks (the bot's app id as audience, the service URL the token names).
 */
final class UsGovernmentChannelTokens {

    private final JwtTokenExtractor extractor;

    /** @param openIdMetadataUrl where the channel publishes its keys; null for the SDK's ({@code login.botframework.azure.us}) */
    UsGovernmentChannelTokens(String openIdMetadataUrl) {
        TokenValidationParameters parameters = GovernmentChannelValidation.getTokenValidationParameters();
        parameters.validIssuers = List.of(ChannelIssuers.BOT_FRAMEWORK_US_GOVERNMENT);
        this.extractor = new JwtTokenExtractor(parameters, openIdMetadataUrl == null ? GovernmentChannelValidation.getOpenIdMetaDataUrl() : openIdMetadataUrl,
                AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
    }

    /** As the SDK's {@code GovernmentChannelValidation.authenticateToken}: the token's identity, or an exception. */
    CompletableFuture<ClaimsIdentity> authenticate(String authorization, CredentialProvider credentials, String serviceUrl, String channelId,
                                                   AuthenticationConfiguration configuration) {
        return extractor.getIdentity(authorization, channelId, configuration.requiredEndorsements())
                .thenCompose(identity -> GovernmentChannelValidation.validateIdentity(identity, credentials, serviceUrl));
    }
}
