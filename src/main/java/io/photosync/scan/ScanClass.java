package io.photosync.scan;

/** What a tenant scan found for one person. */
public enum ScanClass {
    /** SharePoint has the photo Microsoft 365 has, as recorded by the last sync. */
    CURRENT,
    /**
     * Microsoft 365's photo changed since the last sync (whatever SharePoint shows now: it is not
     * asked), or PhotoSync never synced it and SharePoint shows a photo.
     */
    STALE,
    /** Microsoft 365 has a photo PhotoSync never synced; SharePoint has none, the placeholder, or a PictureURL naming a missing file. */
    MISSING,
    /** Neither has a photo: nothing to copy. */
    NO_SOURCE_PHOTO,
    /** SharePoint has a photo Microsoft 365 no longer has. Reported only; PhotoSync never deletes. */
    ORPHANED,
    /** Not examined further, with a reason (no SharePoint profile yet). */
    SKIPPED;

    /** Whether a sync would change SharePoint for the better. */
    boolean fixable() {
        return this == STALE || this == MISSING;
    }
}
