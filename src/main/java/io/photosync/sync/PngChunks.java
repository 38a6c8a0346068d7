package io.photosync.sync;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * A PNG's ancillary chunks cut down to what rendering needs, before any decoder sees them. Text
 * chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}) are dropped, and any other ancillary chunk
 * larger than {@value #LARGEST_ANCILLARY} bytes: a compressed one of a megabyte can inflate to a
 * gigabyte, and nothing in a profile photo needs them. Critical chunks pass as they are; a file
 * that is not a well-formed PNG comes back unchanged, for the decoder to refuse.
 */
final class PngChunks {

    static final int LARGEST_ANCILLARY = 64 * 1024;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> TEXT = Set.of("tEXt", "zTXt", "iTXt");

    private PngChunks() {
    }

    static boolean isPng(byte[] data) {
        return data.length >= SIGNATURE.length && Arrays.equals(data, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static byte[] bounded(byte[] png) {
        if (!isPng(png)) {
            return png;
        }
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE.length);
        boolean dropped = false;
        while (in.remaining() >= 12) {
            int start = in.position();
            long length = Integer.toUnsignedLong(in.getInt());
            String type = new String(png, in.position(), 4, StandardCharsets.ISO_8859_1);
            if (length > in.remaining() - 8) {
                return png;
            }
            int whole = (int) length + 12;
            in.position(start + whole);
            boolean ancillary = Character.isLowerCase(type.charAt(0));
            if (ancillary && (TEXT.contains(type) || length > LARGEST_ANCILLARY)) {
                dropped = true;
                continue;
            }
            out.write(png, start, whole);
            if (type.equals("IEND")) {
                break;
            }
        }
        return dropped ? out.toByteArray() : png;
    }
}
