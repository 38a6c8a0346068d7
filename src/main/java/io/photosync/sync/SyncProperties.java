package io.photosync.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sync core ({@code photosync.sync.*}).
 *
 * @param largeSize pixel size of the large rendition (SharePoint's own size is undocumented: 200–300)
 * @param includeGuests whether guests' photos are synced (their SharePoint profile often does not exist)
 */
@ConfigurationProperties("photosync.sync")
public record SyncProperties(@DefaultValue("300") int largeSize, @DefaultValue("false") boolean includeGuests) {
}
