package io.photosync.sync;

import java.util.Optional;

/** Where users' photos come from: Microsoft 365 (Exchange Online / Graph). */
public interface PhotoSource {

    /** The user's photo, or empty when they have none. */
    Optional<SourcePhoto> photoOf(String objectId);

    /** Only the photo's change fingerprint ({@code @odata.mediaEtag}), or empty without a photo; a source that can answer without the bytes should. */
    default Optional<String> etagOf(String objectId) {
        return photoOf(objectId).map(SourcePhoto::etag);
    }
}
