package io.photosync.sync;

/**
 * The picture properties of a SharePoint user profile, as SharePoint reports them.
 *
 * @param pictureUrl {@code PictureURL}; empty when no picture is set
 * @param placeholderState {@code SPS-PicturePlaceholderState}; "0" means a real picture is set
 */
public record ProfilePicture(String pictureUrl, String placeholderState) {
}
