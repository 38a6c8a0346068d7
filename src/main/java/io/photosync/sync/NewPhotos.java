package io.photosync.sync;

import java.time.Instant;
import java.util.Optional;

/** New photos waiting to be used: kept from the preview until they are used, cancelled or expire. */
public interface NewPhotos {

    /** Keeps nothing: every lookup is empty (a service that only syncs). */
    NewPhotos NONE = new NewPhotos() {
        @Override
        public NewPhoto keep(String subjectId, String requesterId, PreparedPhoto photo) {
            throw new IllegalStateException("new photos are not kept here");
        }

        @Override
        public Optional<NewPhoto> find(String id) {
            return Optional.empty();
        }

        @Override
        public boolean discard(String id) {
            return false;
        }

        @Override
        public boolean awaitApproval(String id, Instant until) {
            return false;
        }

        @Override
        public boolean approve(String id, String approverId) {
            return false;
        }
    };

    /** Keeps a prepared photo until it expires; returns it with its id. */
    NewPhoto keep(String subjectId, String requesterId, PreparedPhoto photo);

    /** A photo still waiting: empty when it never was, was used or cancelled, or has expired. */
    Optional<NewPhoto> find(String id);

    /** Forgets the photo and its bytes; whether it was still there. */
    boolean discard(String id);

    /** The photo waits for an approver until then instead; whether it was still there. */
    boolean awaitApproval(String id, Instant until);

    /** Records who approved it, once; whether this approval was the one that counted. */
    boolean approve(String id, String approverId);
}
