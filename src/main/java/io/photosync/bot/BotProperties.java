package io.photosync.bot;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's Bot Framework settings ({@code photosync.bot.*}).
 *
 * @param appId the bot's Microsoft app id; blank turns JWT validation off, which only sandbox mode allows
 * @param openIdMetadataUrl where channel token signing keys are published; blank keeps the SDK's (Microsoft's) URL
 * @param publicUrl where people's browsers reach the bot (the sign-in card's button opens its consent page there)
 * @param maxActivitySize the largest body {@code /api/messages} reads; Teams' activities are a few kilobytes, the
 *                        largest (a card's invoke with its data) well under this
 * @param channelIssuers who may issue channel tokens, each {@code issuer} or {@code issuer|metadata-url} ({@link ChannelIssuers})
 * @param serviceUrlHosts where an activity may come from when its token (from an issuer other than the Bot Framework) names no service URL
 * @param connectorScope the resource of the bot's Bot Connector token: {@code https://api.botframework.com}, or the US government cloud's
 */
@Validated
@ConfigurationProperties("photosync.bot")
public record BotProperties(String appId,
                            String openIdMetadataUrl,
                            @DefaultValue("http://localhost:3978") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String publicUrl,
                            @DefaultValue("256KB") @NotNull DataSize maxActivitySize,
                            @DefaultValue(ChannelIssuers.BOT_FRAMEWORK) List<String> channelIssuers,
                            @DefaultValue("smba.trafficmanager.net") List<String> serviceUrlHosts,
                            @DefaultValue("https://api.botframework.com") @Pattern(regexp = "https://\\S+", message = "must be an https URL") String connectorScope) {

    /** The scope the bot asks Entra for when it calls the Bot Connector. */
    public String connectorTokenScope() {
        return connectorScope.replaceAll("/+$", "").replaceAll("/\\.default$", "") + "/.default";
    }

    boolean anonymous() {
        return appId == null || appId.isBlank();
    }
}
