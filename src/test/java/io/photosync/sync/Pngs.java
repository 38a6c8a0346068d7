package io.photosync.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** PNG files written chunk by chunk, for photos no camera makes: huge but tiny on disk, or with a bomb in a text chunk. */
final class Pngs {

    private Pngs() {
    }

    /** A {@code width} × {@code height} RGB image of one colour: a few hundred kilobytes, however large. */
    static byte[] solid(int width, int height, int rgb) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] row = new byte[1 + width * 3];
            for (int x = 0; x < width; x++) {
                row[1 + x * 3] = (byte) (rgb >> 16);
                row[2 + x * 3] = (byte) (rgb >> 8);
                row[3 + x * 3] = (byte) rgb;
            }
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        return png(width, height, null, idat.toByteArray());
    }

    /** A 1 × 1 image whose ancillary chunk of {@code type} holds {@code inflated} zero bytes, compressed (about a thousandth of that). */
    static byte[] withBomb(String type, long inflated) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write((type.equals("iCCP") ? "profile" : "Comment").getBytes(StandardCharsets.ISO_8859_1));
        payload.write(0);
        if (type.equals("iTXt")) {
            payload.write(new byte[] {1, 0, 0, 0});
        } else {
            payload.write(0);
        }
        try (OutputStream z = new DeflaterOutputStream(payload, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            byte[] zeros = new byte[1 << 20];
            for (long left = inflated; left > 0; left -= zeros.length) {
                z.write(zeros, 0, (int) Math.min(left, zeros.length));
            }
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(idat)) {
            z.write(new byte[] {0, (byte) 200, 100, 50});
        }
        return png(1, 1, chunk(type, payload.toByteArray()), idat.toByteArray());
    }

    private static byte[] png(int width, int height, byte[] ancillary, byte[] idat) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array()));
        if (ancillary != null) {
            png.write(ancillary);
        }
        png.write(chunk("IDAT", idat));
        png.write(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue()).array();
    }
}
