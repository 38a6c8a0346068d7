package io.photosync.sync;

/**
 * Where a user's SharePoint profile and its photo library live.
 *
 * @param personalSiteHostUrl the My Site host holding the {@code User Photos} library (per geo)
 */
public record ProfileSite(String personalSiteHostUrl) {
}
