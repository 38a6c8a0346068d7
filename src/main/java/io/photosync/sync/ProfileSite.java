package io.photosync.sync;

/**
 * Where a user's SharePoint profile and its photo library live, and the picture it shows.
 *
 * @param personalSiteHostUrl the My Site host holding the {@code User Photos} library (per geo)
 * @param picture the profile's picture properties, read with the profile: no second read needed
 */
public record ProfileSite(String personalSiteHostUrl, ProfilePicture picture) {
}
