package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark's SSIM behaves as Wang et al. define it. */
class SsimTests {

    private final BufferedImage picture = noise(64, new Random(1));

    @Test
    void anImageIsIdenticalToItselfAndTheIndexIsSymmetric() {
        BufferedImage other = noise(64, new Random(2));

        assertThat(Ssim.of(picture, picture)).isCloseTo(1.0, within(1e-12));
        assertThat(Ssim.of(picture, other)).isCloseTo(Ssim.of(other, picture), within(1e-12)).isLessThan(0.1);
    }

    @Test
    void moreDistortionScoresLower() {
        BufferedImage slightly = add(picture, new Random(5), 4);
        BufferedImage badly = add(picture, new Random(5), 40);

        assertThat(Ssim.of(picture, slightly)).isLessThan(1).isGreaterThan(Ssim.of(picture, badly));
    }

    @Test
    void aFlatImageAgainstAUniformlyBrighterOneScoresByTheLuminanceTermAlone() {
        BufferedImage grey = flat(32, 100);
        BufferedImage brighter = flat(32, 110);
        double c1 = Math.pow(0.01 * 255, 2);

        assertThat(Ssim.of(grey, brighter)).isCloseTo((2 * 100.0 * 110 + c1) / (100.0 * 100 + 110.0 * 110 + c1), within(1e-9));
    }

    private static BufferedImage noise(int side, Random random) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int v = random.nextInt(256);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static BufferedImage add(BufferedImage image, Random random, int amplitude) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = Math.max(0, Math.min(255, (image.getRGB(x, y) & 0xff) + random.nextInt(2 * amplitude + 1) - amplitude));
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }

    private static BufferedImage flat(int side, int grey) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        return image;
    }
}
