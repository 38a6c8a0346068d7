package io.photosync.doctor;

import java.util.List;
import java.util.Optional;

/** What the photo doctor reads from Microsoft 365 besides the photo itself. */
public interface PhotoInspection {

    /** Graph's view of the person's photo: whether there is one, its ETag, or why there cannot be one. */
    SourcePhotoState sourcePhoto(String objectId);

    /** The tenant's photo policy ({@code photoUpdateSettings}); empty when PhotoSync may not read it. */
    Optional<PhotoPolicy> photoPolicy();

    /**
     * @param present whether Microsoft 365 has a photo of the person
     * @param etag its {@code @odata.mediaEtag}; null without a photo
     * @param noMailbox Graph said the person has no Exchange Online mailbox
     */
    record SourcePhotoState(boolean present, String etag, boolean noMailbox) {
    }

    /**
     * @param source where photos are managed: {@code cloud} or {@code onPremises}
     * @param allowedRoles the directory roles that may change photos; empty means everyone may change their own
     */
    record PhotoPolicy(String source, List<String> allowedRoles) {
    }
}
