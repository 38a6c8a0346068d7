package io.photosync.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a JPEG's segments say before its pixels: enough to tell a plain one (JFIF, baseline, eight
 * bits, three YCbCr components, nothing else in its header) from the encodings SharePoint may
 * not read. Only the header is walked; nothing is decoded.
 */
final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int SOF0 = 0xC0;
    private static final int APP0 = 0xE0;
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);

    private JpegSegments() {
    }

    /**
     * Whether this is a complete, plain, square JPEG of at most {@code maxSide} pixels a side:
     * JFIF, baseline, three components numbered 1–3, no EXIF (so no orientation to apply), no
     * ICC profile, no Adobe colour transform, and an end-of-image marker last.
     */
    static boolean plainSquare(byte[] data, int maxSide) {
        if (data.length < 4 || u8(data, 0) != 0xFF || u8(data, 1) != SOI || u8(data, data.length - 2) != 0xFF || u8(data, data.length - 1) != EOI) {
            return false;
        }
        boolean jfif = false;
        boolean frame = false;
        int at = 2;
        while (at + 4 <= data.length) {
            if (u8(data, at) != 0xFF) {
                return false;
            }
            int marker = u8(data, at + 1);
            if (marker == 0xFF) {
                at++; // a fill byte
                continue;
            }
            int length = (u8(data, at + 2) << 8) | u8(data, at + 3);
            int payload = at + 4;
            if (length < 2 || payload + length - 2 > data.length) {
                return false;
            }
            if (marker == SOS) {
                return jfif && frame;
            }
            if (marker == APP0 && at == 2) {
                jfif = length - 2 >= JFIF.length && Arrays.equals(data, payload, payload + JFIF.length, JFIF, 0, JFIF.length);
            } else if (marker == SOF0 && !frame) {
                frame = plainFrame(data, payload, length - 2, maxSide);
                if (!frame) {
                    return false;
                }
            } else if (!tableOrComment(marker)) {
                return false;
            }
            at = payload + length - 2;
        }
        return false;
    }

    /** A baseline frame header: eight bits, a square of at most {@code maxSide}, components 1, 2 and 3 (Y, Cb, Cr). */
    private static boolean plainFrame(byte[] data, int at, int length, int maxSide) {
        if (length != 6 + 3 * 3 || u8(data, at) != 8 || u8(data, at + 5) != 3) {
            return false;
        }
        int height = (u8(data, at + 1) << 8) | u8(data, at + 2);
        int width = (u8(data, at + 3) << 8) | u8(data, at + 4);
        for (int component = 0; component < 3; component++) {
            if (u8(data, at + 6 + 3 * component) != component + 1) {
                return false;
            }
        }
        return width == height && width > 0 && width <= maxSide;
    }

    /** Quantisation and Huffman tables, the restart interval, a comment: what a plain JPEG's header holds besides its frame. */
    private static boolean tableOrComment(int marker) {
        return marker == 0xDB || marker == 0xC4 || marker == 0xDD || marker == 0xFE;
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }
}
