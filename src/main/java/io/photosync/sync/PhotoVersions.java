package io.photosync.sync;

import java.util.List;
import java.util.Optional;

/** The photos SharePoint showed before PhotoSync changed them, a few per person, for undo and "history for". */
public interface PhotoVersions {

    /** Keeps nothing: photo history turned off. */
    PhotoVersions NONE = new PhotoVersions() {
        @Override
        public boolean keeping() {
            return false;
        }

        @Override
        public String keep(KeptPhoto photo) {
            throw new IllegalStateException("photo history is off");
        }

        @Override
        public Optional<KeptPhoto> find(String versionId) {
            return Optional.empty();
        }

        @Override
        public List<KeptPhoto> of(String subjectId) {
            return List.of();
        }
    };

    /** Whether versions are kept at all. */
    boolean keeping();

    /** Keeps one version and returns its id; the person's oldest beyond the limit go. */
    String keep(KeptPhoto photo);

    /** A version still kept, or empty when it never was or has been pruned. */
    Optional<KeptPhoto> find(String versionId);

    /** The person's kept versions, newest first. */
    List<KeptPhoto> of(String subjectId);

    /** The version kept last: what "undo" restores. */
    default Optional<KeptPhoto> latest(String subjectId) {
        return of(subjectId).stream().findFirst();
    }
}
