package io.photosync.sync;

import java.time.Instant;

/**
 * A photo someone sent PhotoSync to use as a person's Microsoft 365 photo, normalised and waiting
 * for "Use it" (or an approver): nothing has been written with it yet.
 *
 * @param id its handle on the preview card's buttons
 * @param subjectId whose photo it is to become
 * @param requesterId who sent it: the person themself, or an operator
 * @param jpeg the normalised photo: a square sRGB JPEG of at most 648 pixels, what Microsoft 365 gets
 * @param preview a small JPEG of the same square, for cards
 * @param expiresAt after this it is gone, and "Use it" says so
 * @param approvedBy the approver who approved it, when approval is required; null until then (and without approval)
 */
public record NewPhoto(String id, String subjectId, String requesterId, byte[] jpeg, byte[] preview, Instant expiresAt, String approvedBy) {

    @Override
    public String toString() {
        return "NewPhoto[id=" + id + ", subjectId=" + subjectId + ", requesterId=" + requesterId + ", " + jpeg.length + " bytes, expiresAt="
                + expiresAt + (approvedBy == null ? "" : ", approvedBy=" + approvedBy) + "]";
    }
}
