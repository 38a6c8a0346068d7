package io.photosync.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's Bot Framework settings ({@code photosync.bot.*}).
 *
 * @param appId the bot's Microsoft app id; blank turns JWT validation off, which only sandbox mode allows
 * @param openIdMetadataUrl where channel token signing keys are published; blank keeps the SDK's (Microsoft's) URL
 * @param workers how many syncs run at once in this process
 */
@ConfigurationProperties("photosync.bot")
public record BotProperties(String appId,
                            String openIdMetadataUrl,
                            @DefaultValue("8") int workers) {

    boolean anonymous() {
        return appId == null || appId.isBlank();
    }
}
