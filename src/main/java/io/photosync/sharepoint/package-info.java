/**
 * SharePoint Online, the target side: the {@code User Photos} library on the My Site host and the
 * user profile service's {@code PeopleManager}, over SharePoint REST with app-only certificate
 * tokens. {@link io.photosync.sharepoint.SharePointProfileStore} implements the sync core's
 * {@link io.photosync.sync.ProfilePhotoStore}; {@link io.photosync.sharepoint.SharePointClient} is
 * one short method per REST call. Every request carries the decorated {@code User-Agent} SharePoint
 * asks for and honours {@code Retry-After} on 429 and 503.
 */
package io.photosync.sharepoint;
