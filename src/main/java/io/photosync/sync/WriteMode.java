package io.photosync.sync;

/** How a sync wrote to SharePoint. */
public enum WriteMode {
    /** {@code SetMyProfilePicture} with the person's own delegated rights. */
    DELEGATED,
    /** PhotoSync's own app permission: renditions uploaded and properties set on the admin host. */
    APP_ONLY
}
