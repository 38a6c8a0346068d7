package io.photosync.sharepoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SharePoint Online settings ({@code photosync.sharepoint.*}).
 *
 * @param mySiteHost the My Site host, e.g. {@code https://contoso-my.sharepoint.com}
 * @param adminHost the admin host, e.g. {@code https://contoso-admin.sharepoint.com}
 * @param photoLibrary the library URL on the My Site host; always {@code User Photos}
 * @param photoFolder the folder in it; its name follows the My Site host's language
 * @param organisation the organisation named in the {@code User-Agent} ({@code NONISV|org|PhotoSync/version})
 * @param maxRetries how many times a throttled (429/503) call is retried before giving up
 * @param maxRetryAfter the longest {@code Retry-After} waited for inside one call; longer ones end the call as throttled
 * @param budgetPerMinute SharePoint resource units PhotoSync spends per minute, all replicas together
 *                        (reads cost 1, writes 2; 1,200 is the smallest tenant's budget per app)
 * @param pullUrl in native-trigger mode, the page whose opening by the person makes SharePoint fetch their photo
 *                ({@code {upn}} stands for their address); blank: their own large photo on the My Site host
 * @param geos a multi-geo tenant's other geos, {@code LOCATION=https://<my site host>[|https://<admin host>]}
 *             ({@link SharePointGeos}); empty for a tenant of one geo
 */
@Validated
@ConfigurationProperties("photosync.sharepoint")
public record SharePointProperties(String mySiteHost,
                                   String adminHost,
                                   @DefaultValue("User Photos") @NotBlank String photoLibrary,
                                   @DefaultValue("Profile Pictures") @NotBlank String photoFolder,
                                   @DefaultValue("PhotoSync") @NotBlank String organisation,
                                   @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
                                   @DefaultValue("30s") @NotNull Duration maxRetryAfter,
                                   @DefaultValue("1200") @Min(1) int budgetPerMinute,
                                   @DefaultValue("") String pullUrl,
                                   @DefaultValue List<String> geos) {
}
