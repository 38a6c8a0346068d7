package io.photosync.sync;

/**
 * The picture properties of a SharePoint user profile, as SharePoint reports them.
 *
 * @param pictureUrl {@code PictureURL}; empty when no picture is set
 * @param placeholderState {@code SPS-PicturePlaceholderState}; "0" means a real picture is set
 * @param timestamp {@code SPS-PictureTimestamp}; null when SharePoint did not say
 */
public record ProfilePicture(String pictureUrl, String placeholderState, String timestamp) {

    /** The two properties a sync checks; the timestamp not read. */
    public ProfilePicture(String pictureUrl, String placeholderState) {
        this(pictureUrl, placeholderState, null);
    }

    /** Whether a real picture is set: a {@code PictureURL} and the placeholder off. */
    public boolean isSet() {
        return pictureUrl != null && !pictureUrl.isBlank() && "0".equals(placeholderState);
    }

    /** {@code PictureURL} without the {@code ?t=} SharePoint adds for caches. */
    public String fileUrl() {
        return pictureUrl == null ? null : pictureUrl.replaceFirst("\\?t=\\d+$", "");
    }
}
