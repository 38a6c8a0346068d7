/**
 * The core of PhotoSync: copy one user's Microsoft 365 photo into their SharePoint Online profile.
 *
 * <p>{@link io.photosync.sync.PhotoSyncService} reads the source photo, renders the three JPEG
 * renditions SharePoint expects, writes them and the picture properties, reads everything back,
 * and only then reports success. It knows nothing of Teams, HTTP or Spring MVC: it talks to the
 * outside through the ports it declares here ({@link io.photosync.sync.Directory},
 * {@link io.photosync.sync.PhotoSource}, {@link io.photosync.sync.ProfilePhotoStore}) and answers
 * with a {@link io.photosync.sync.SyncOutcome}, a value for every result, failures included.
 */
package io.photosync.sync;
