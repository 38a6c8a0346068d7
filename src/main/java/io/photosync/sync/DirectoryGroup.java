package io.photosync.sync;

/** A group as the directory (Entra ID) knows it. */
public record DirectoryGroup(String objectId, String displayName) {
}
