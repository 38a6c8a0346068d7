package io.photosync.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound HTTP settings ({@code photosync.http.*}).
 *
 * @param trustedCertificatePath a PEM certificate to trust besides the JDK's (optional)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 */
@ConfigurationProperties("photosync.http")
public record HttpProperties(String trustedCertificatePath,
                             @DefaultValue("10s") Duration connectTimeout,
                             @DefaultValue("60s") Duration readTimeout) {
}
