package io.photosync.http;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound HTTP settings ({@code photosync.http.*}).
 *
 * @param trustedCertificatePath a PEM certificate to trust besides the JDK's (optional)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 */
@Validated
@ConfigurationProperties("photosync.http")
public record HttpProperties(String trustedCertificatePath,
                             @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
                             @DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration readTimeout) {
}
