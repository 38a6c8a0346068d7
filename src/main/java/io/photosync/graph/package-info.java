/**
 * Microsoft Graph, the source side: users and their Microsoft 365 profile photos, read app-only
 * through the Microsoft Graph Java SDK. {@link io.photosync.graph.GraphClient} implements the sync
 * core's {@link io.photosync.sync.Directory} and {@link io.photosync.sync.PhotoSource} and turns
 * Graph's documented 404s into "not there" at its boundary.
 */
package io.photosync.graph;
