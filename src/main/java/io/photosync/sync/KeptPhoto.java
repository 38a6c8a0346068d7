package io.photosync.sync;

import java.time.Instant;

/**
 * What SharePoint showed of a person just before PhotoSync replaced it: the three rendition files
 * as they were (any may be missing) and the picture properties. Undo writes it back.
 *
 * @param id the version's id, null until it is kept
 * @param subjectId the person's Entra object id
 * @param keptAt when it was kept, just before the change that replaced it
 * @param picture {@code PictureURL}, the placeholder flag and the timestamp, as they were
 * @param small the {@code _SThumb} file, or null
 * @param medium the {@code _MThumb} file (the one {@code PictureURL} names), or null
 * @param large the {@code _LThumb} file, or null
 */
public record KeptPhoto(String id, String subjectId, Instant keptAt, ProfilePicture picture, byte[] small, byte[] medium, byte[] large) {

    /** Whether a picture was shown then; without one, restoring it means "no photo" again. */
    public boolean hadPicture() {
        return picture.isSet() && medium != null;
    }

    /** The biggest file kept: what a delegated restore uploads, and what missing renditions are drawn from. */
    public byte[] largest() {
        return large != null ? large : medium != null ? medium : small;
    }

    @Override
    public String toString() {
        return "KeptPhoto[" + id + ", " + subjectId + ", " + keptAt + ", " + picture + (hadPicture() ? ", with files" : ", no picture") + "]";
    }
}
