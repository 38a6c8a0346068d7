package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Which JPEGs are plain enough to upload as they are: only what every reader reads the same way. */
class JpegSegmentsTests {

    private static final int MAX = 648;

    @Test
    void aBaselineJfifSquareIsPlain() {
        assertThat(JpegSegments.plainSquare(jpeg(picture(648, 648, BufferedImage.TYPE_INT_RGB), false), MAX)).isTrue();
        assertThat(JpegSegments.plainSquare(jpeg(picture(96, 96, BufferedImage.TYPE_INT_RGB), false), MAX)).isTrue();
    }

    @Test
    void aLargerOrOblongPhotoIsNot() {
        assertThat(JpegSegments.plainSquare(jpeg(picture(649, 649, BufferedImage.TYPE_INT_RGB), false), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(jpeg(picture(640, 480, BufferedImage.TYPE_INT_RGB), false), MAX)).isFalse();
    }

    @Test
    void progressiveOrGreyIsNot() {
        assertThat(JpegSegments.plainSquare(jpeg(picture(200, 200, BufferedImage.TYPE_INT_RGB), true), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(jpeg(picture(200, 200, BufferedImage.TYPE_BYTE_GRAY), false), MAX)).isFalse();
    }

    @Test
    void exifAnIccProfileOrAnAdobeTransformMakeItNotPlain() {
        byte[] plain = jpeg(picture(200, 200, BufferedImage.TYPE_INT_RGB), false);

        // EXIF may turn the picture; an ICC profile or Adobe's marker change what its numbers mean.
        assertThat(JpegSegments.plainSquare(afterJfif(plain, 0xE1, "Exif\0\0MM\0*".getBytes()), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(afterJfif(plain, 0xE2, "ICC_PROFILE\0\1\1".getBytes()), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(afterJfif(plain, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1}), MAX)).isFalse();
        // A comment changes nothing.
        assertThat(JpegSegments.plainSquare(afterJfif(plain, 0xFE, "made by a test".getBytes()), MAX)).isTrue();
    }

    @Test
    void aTruncatedFileOrSomethingElseIsNot() {
        byte[] plain = jpeg(picture(200, 200, BufferedImage.TYPE_INT_RGB), false);

        assertThat(JpegSegments.plainSquare(Arrays.copyOf(plain, plain.length - 2), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(Arrays.copyOf(plain, 40), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(new byte[0], MAX)).isFalse();
        assertThat(JpegSegments.plainSquare("%PDF-1.7".getBytes(), MAX)).isFalse();
        assertThat(JpegSegments.plainSquare(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, MAX)).isFalse();
    }

    @Test
    void neverThrowsWhateverTheBytes() {
        byte[] plain = jpeg(picture(64, 64, BufferedImage.TYPE_INT_RGB), false);
        Random random = new Random(19);
        for (int i = 0; i < 5_000; i++) {
            byte[] damaged = plain.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(Math.min(damaged.length, 700))] = (byte) random.nextInt(256);
            }
            JpegSegments.plainSquare(i % 2 == 0 ? damaged : Arrays.copyOf(damaged, random.nextInt(damaged.length)), MAX);
        }
    }

    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x20, 0x70, 0xA0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xF0, 0xD0, 0xB0));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with one more segment after its JFIF header (which a JFIF file has first). */
    private static byte[] afterJfif(byte[] jpeg, int marker, byte[] payload) {
        int jfifEnd = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, jfifEnd);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, jfifEnd, jpeg.length - jfifEnd);
        return out.toByteArray();
    }
}
