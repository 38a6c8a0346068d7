/**
 * Microsoft Graph, the source side, app-only through the Microsoft Graph Java SDK (one client for
 * the life of the app): {@link io.photosync.graph.GraphUsers} (a person, people by what was
 * typed), {@link io.photosync.graph.GraphGroups} (groups, nested members, membership checks),
 * {@link io.photosync.graph.GraphPhotos} (Microsoft 365 photos, the tenant's photo policy) and
 * {@link io.photosync.graph.GraphMembers} (a scan's pages of members and batched photo metadata).
 * Each implements ports of sync/, scan/ or doctor/; {@code GraphErrors} is the one reader of
 * Graph's error format and turns a documented 404 into "not there".
 */
package io.photosync.graph;
