package io.photosync.sync;

/**
 * A sent image made ready for Microsoft 365: its centre square, upright, on white, as an sRGB JPEG.
 *
 * @param jpeg at most 648 pixels a side (Exchange's largest size), what is uploaded
 * @param preview the same square, small enough for a card
 * @param side the side of {@code jpeg} in pixels
 */
public record PreparedPhoto(byte[] jpeg, byte[] preview, int side) {

    @Override
    public String toString() {
        return "PreparedPhoto[" + jpeg.length + " bytes, " + side + "x" + side + ", preview " + preview.length + " bytes]";
    }
}
