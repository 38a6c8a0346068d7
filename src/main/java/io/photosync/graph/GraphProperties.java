package io.photosync.graph;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft Graph settings ({@code photosync.graph.*}).
 *
 * @param baseUrl the Graph root including the version (differs in sovereign clouds)
 * @param photoSize the photo size to ask for first; Graph's largest standard size is 648x648
 */
@ConfigurationProperties("photosync.graph")
public record GraphProperties(@DefaultValue("https://graph.microsoft.com/v1.0") String baseUrl,
                              @DefaultValue("648x648") String photoSize) {

    /** The app-only scope for this Graph root: its origin plus {@code /.default}. */
    String scope() {
        URI uri = URI.create(baseUrl);
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        String path = uri.getPath().replaceAll("/v1\\.0/?$|/beta/?$", "");
        return origin + path + "/.default";
    }
}
