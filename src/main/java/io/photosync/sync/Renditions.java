package io.photosync.sync;

import java.util.List;

/** The three renditions of one photo, in the order they are written: the medium one last. */
record Renditions(Rendition small, Rendition large, Rendition medium) {

    /** All three, medium last, so that {@code PictureURL} never names a file before its siblings exist. */
    List<Rendition> inWriteOrder() {
        return List.of(small, large, medium);
    }
}
