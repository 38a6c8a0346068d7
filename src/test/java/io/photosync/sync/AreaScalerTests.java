package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shrinking by area in linear light: what a smaller sensor would record, to the code value. */
class AreaScalerTests {

    @Test
    void aFlatColourStaysExactlyThatColourAtEverySize() {
        for (int grey : new int[] {0, 1, 17, 128, 200, 254, 255}) {
            BufferedImage flat = filled(648, grey << 16 | (255 - grey) << 8 | grey / 2);
            for (int size : new int[] {300, 72, 48, 1}) {
                BufferedImage scaled = new AreaScaler(flat).scaled(size);
                assertThat(scaled.getWidth()).isEqualTo(size);
                assertThat(scaled.getRGB(size / 2, size / 2) & 0xffffff).as(grey + " at " + size).isEqualTo(grey << 16 | (255 - grey) << 8 | grey / 2);
                assertThat(scaled.getRGB(size - 1, size - 1) & 0xffffff).as("the last pixel too").isEqualTo(grey << 16 | (255 - grey) << 8 | grey / 2);
            }
        }
    }

    @Test
    void fineBlackAndWhiteDetailKeepsItsBrightnessInsteadOfTurningDarkGrey() {
        BufferedImage stripes = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0);
            }
        }

        int grey = new AreaScaler(stripes).scaled(50).getRGB(25, 25) & 0xff;

        assertThat(grey).as("half the light of white is sRGB 188; averaging the codes would give 128").isEqualTo(188);
    }

    @Test
    void matchesAnExactDoublePrecisionAreaIntegralWithinOneCodeValue() {
        BufferedImage noise = noise(648, 3);
        AreaScaler scaler = new AreaScaler(noise);
        for (int size : new int[] {300, 72, 48}) {
            BufferedImage ours = scaler.scaled(size);
            BufferedImage exact = ImageQualityBenchmark.areaInLinearLight(noise, size);
            int worst = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    for (int shift = 0; shift <= 16; shift += 8) {
                        worst = Math.max(worst, Math.abs((ours.getRGB(x, y) >> shift & 0xff) - (exact.getRGB(x, y) >> shift & 0xff)));
                    }
                }
            }
            assertThat(worst).as("at " + size).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void severalSizesInOnePassAreEachTheSameAsAlone() {
        BufferedImage noise = noise(301, 5);
        int[] sizes = {48, 300, 72, 1, 301};
        BufferedImage[] together = new AreaScaler(noise).scaled(sizes);
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage alone = new AreaScaler(noise).scaled(sizes[i]);
            for (int y = 0; y < sizes[i]; y++) {
                for (int x = 0; x < sizes[i]; x++) {
                    assertThat(together[i].getRGB(x, y)).as("at " + sizes[i] + ", " + x + "," + y).isEqualTo(alone.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void aPartlyCoveredPixelCountsByTheShareCovered() {
        // Three pixels to two: the middle one is half in each output pixel.
        BufferedImage row = filled(3, 0);
        for (int y = 0; y < 3; y++) {
            row.setRGB(0, y, 0xffffff);
        }

        BufferedImage scaled = new AreaScaler(row).scaled(2);

        // Left: 1 px of white and 0.5 px of black over 1.5 px = two thirds of white's light.
        int expected = (int) Math.round(255 * (1.055 * Math.pow(2 / 3.0, 1 / 2.4) - 0.055));
        assertThat(scaled.getRGB(0, 0) & 0xff).isEqualTo(expected);
        assertThat(scaled.getRGB(1, 0) & 0xff).isZero();
    }

    @Test
    void readsAPhotoAsTheJpegDecoderGivesItTheSameAsPackedRgb() {
        BufferedImage packed = noise(333, 11);
        BufferedImage bytes = new BufferedImage(333, 333, BufferedImage.TYPE_3BYTE_BGR);
        bytes.createGraphics().drawImage(packed, 0, 0, null);
        int[] sizes = {300, 72, 48};
        BufferedImage[] fromPacked = new AreaScaler(packed).scaled(sizes);
        BufferedImage[] fromBytes = new AreaScaler(bytes).scaled(sizes);
        for (int i = 0; i < sizes.length; i++) {
            assertThat(fromBytes[i].getType()).as("three bytes a pixel, as the JPEG encoder takes them").isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            int side = sizes[i];
            assertThat(fromBytes[i].getRGB(0, 0, side, side, null, 0, side)).as("at " + side).isEqualTo(fromPacked[i].getRGB(0, 0, side, side, null, 0, side));
        }
        assertThat(new AreaScaler(fromBytes[0]).scaled(72).getRGB(36, 36)).as("its own output is a source too").isEqualTo(new AreaScaler(fromPacked[0]).scaled(72).getRGB(36, 36));
    }

    @Test
    void onlyShrinksOpaqueRgbSquaresLaidOutAsItReadsThem() {
        assertThatThrownBy(() -> new AreaScaler(filled(10, 0)).scaled(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AreaScaler(new BufferedImage(10, 12, BufferedImage.TYPE_INT_RGB))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AreaScaler(new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB))).isInstanceOf(IllegalArgumentException.class);
        BufferedImage corner = new BufferedImage(20, 20, BufferedImage.TYPE_3BYTE_BGR).getSubimage(5, 5, 10, 10);
        assertThat(AreaScaler.reads(corner)).as("a window into a larger image's pixels").isFalse();
        assertThat(AreaScaler.reads(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY))).isFalse();
        assertThat(AreaScaler.reads(new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR))).isTrue();
    }

    /** A square of random colours, the same for the same seed. */
    private static BufferedImage noise(int side, long seed) {
        Random random = new Random(seed);
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return noise;
    }

    private static BufferedImage filled(int side, int rgb) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
