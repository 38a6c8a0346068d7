package io.photosync.history;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * New photos people send the bot ({@code photosync.new-photo.*}).
 *
 * @param expireAfter how long a sent photo waits for "Use it" before it and its bytes are gone
 */
@Validated
@ConfigurationProperties("photosync.new-photo")
public record NewPhotoProperties(@DefaultValue("24h") @NotNull Duration expireAfter) {
}
