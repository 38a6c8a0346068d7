package io.photosync.sync;

/** The three renditions of one photo, written together before any profile property names them. */
record Renditions(Rendition small, Rendition large, Rendition medium) {
}
