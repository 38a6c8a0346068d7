package io.photosync.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bot's Bot Framework settings ({@code photosync.bot.*}).
 *
 * @param appId the bot's Microsoft app id; blank turns JWT validation off, which only sandbox mode allows
 * @param openIdMetadataUrl where channel token signing keys are published; blank keeps the SDK's (Microsoft's) URL
 */
@ConfigurationProperties("photosync.bot")
public record BotProperties(String appId,
                            String openIdMetadataUrl) {

    boolean anonymous() {
        return appId == null || appId.isBlank();
    }
}
