package io.photosync.graph;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Microsoft Graph settings ({@code photosync.graph.*}).
 *
 * @param baseUrl the Graph root including the version (differs in sovereign clouds)
 * @param photoSize the photo size to ask for first; Graph's largest standard size is 648x648
 */
@Validated
@ConfigurationProperties("photosync.graph")
public record GraphProperties(@DefaultValue("https://graph.microsoft.com/v1.0") @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
                              @DefaultValue("648x648") @Pattern(regexp = "\\d{2,4}x\\d{2,4}", message = "must be a size such as 648x648") String photoSize) {

    /** The app-only scope for this Graph root: its origin plus {@code /.default}. */
    public String scope() {
        URI uri = URI.create(baseUrl);
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        String path = uri.getPath().replaceAll("/v1\\.0/?$|/beta/?$", "");
        return origin + path + "/.default";
    }
}
