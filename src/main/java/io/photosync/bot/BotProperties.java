package io.photosync.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bot's Bot Framework settings ({@code photosync.bot.*}).
 *
 * @param appId the bot's Microsoft app id; blank turns JWT validation off, which only sandbox mode allows
 * @param openIdMetadataUrl where channel token signing keys are published; blank keeps the SDK's (Microsoft's) URL
 * @param operators Entra object ids of the people who may nudge colleagues (group-based roles come with the helpdesk)
 */
@ConfigurationProperties("photosync.bot")
public record BotProperties(String appId,
                            String openIdMetadataUrl,
                            java.util.List<String> operators) {

    boolean isOperator(String objectId) {
        return objectId != null && operators != null && operators.stream().anyMatch(objectId::equalsIgnoreCase);
    }


    boolean anonymous() {
        return appId == null || appId.isBlank();
    }
}
