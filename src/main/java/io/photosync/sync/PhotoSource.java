package io.photosync.sync;

import java.util.Optional;

/** Where users' photos come from: Microsoft 365 (Exchange Online / Graph). */
public interface PhotoSource {

    /** The user's photo, or empty when they have none. */
    Optional<SourcePhoto> photoOf(String objectId);
}
