package io.photosync.sync;

/**
 * One square JPEG rendition of a profile photo.
 *
 * @param kind which of SharePoint's three renditions this is
 * @param size width and height in pixels
 * @param jpeg the encoded JPEG
 */
record Rendition(Kind kind, int size, byte[] jpeg) {

    /** SharePoint's three renditions; the suffix is part of the file name SharePoint derives. */
    enum Kind {
        SMALL("_SThumb.jpg"), MEDIUM("_MThumb.jpg"), LARGE("_LThumb.jpg");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** The file name of this rendition for a base name (the user's object id). */
        String fileName(String baseName) {
            return baseName + suffix;
        }
    }

    @Override
    public String toString() {
        return "Rendition[" + kind + ", " + size + "px, " + jpeg.length + " bytes]";
    }
}
