package io.photosync.sync;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Shrinks a square sRGB photo the way a smaller camera sensor would have recorded it: each output
 * pixel is the mean of the light that falls on its area of the source (partly covered source
 * pixels counted by the share covered), averaged in linear light and turned back into sRGB.
 * Averaging sRGB values instead darkens fine detail (hair, text, patterned cloth) and shifts
 * colours at edges; a sharper filter (Lanczos) rings around them. See docs/benchmarks.md (b2).
 *
 * <p>One pass over the source's rows: each row's light is summed along the row (running sums), so
 * that an output pixel's light across is the difference of the sums at its two edges, whatever its
 * width; the row shrunk across to every size is then added, by its share, into the rows of that
 * size it falls on. Holds a row's sums and the sizes' output in floats, not the source in linear
 * light.
 */
final class AreaScaler {

    /** sRGB code value to linear light, 0 to 1. */
    private static final float[] TO_LINEAR = new float[256];
    private static final int LINEAR_STEPS = 16_384;
    /** Linear light in {@value #LINEAR_STEPS} steps to the nearest sRGB code value (finer than one code value near black). */
    private static final byte[] TO_SRGB = new byte[LINEAR_STEPS + 1];

    static {
        for (int code = 0; code < 256; code++) {
            double v = code / 255.0;
            TO_LINEAR[code] = (float) (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        }
        for (int step = 0; step <= LINEAR_STEPS; step++) {
            double linear = (double) step / LINEAR_STEPS;
            double v = linear <= 0.0031308 ? linear * 12.92 : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
            TO_SRGB[step] = (byte) Math.round(v * 255);
        }
    }

    private final int side;
    /** The source's pixels, row after row: packed RGB, or blue, green and red bytes; the other null. */
    private final int[] packed;
    private final byte[] bgr;

    /** @param square a square {@link #reads} reads */
    AreaScaler(BufferedImage square) {
        if (!reads(square) || square.getWidth() != square.getHeight()) {
            throw new IllegalArgumentException("an RGB square, not " + square);
        }
        side = square.getWidth();
        DataBuffer data = square.getRaster().getDataBuffer();
        packed = data instanceof DataBufferInt ints ? ints.getData() : null;
        bgr = data instanceof DataBufferByte bytes ? bytes.getData() : null;
    }

    /**
     * Whether the scaler reads this image's pixels as they lie: opaque RGB, packed in ints or in three
     * bytes a pixel (as the JPEG decoder gives a colour photo), from the first element of its own
     * buffer. Anything else is to be drawn into one of those first.
     */
    static boolean reads(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || raster.getDataBuffer().getNumBanks() != 1 || raster.getDataBuffer().getOffset() != 0) {
            return false;
        }
        return switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB -> true;
            case BufferedImage.TYPE_3BYTE_BGR -> raster.getSampleModel() instanceof PixelInterleavedSampleModel layout
                    && layout.getPixelStride() == 3 && layout.getScanlineStride() == 3 * image.getWidth();
            default -> false;
        };
    }

    /** The photo at {@code size} pixels a side, at most the source's. */
    BufferedImage scaled(int size) {
        return scaled(new int[] {size})[0];
    }

    /**
     * The photo at each of these sizes (each at most the source's), from one pass over its rows:
     * each row is turned into linear light once, shrunk across to every size, and added to the
     * rows of that size it falls on, in the source's order.
     */
    BufferedImage[] scaled(int... sizes) {
        if (sizes.length == 0) {
            return new BufferedImage[0];
        }
        Weights[] weights = new Weights[sizes.length];
        float[][] sums = new float[sizes.length][];
        int widest = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > side) {
                throw new IllegalArgumentException("only shrinks: " + side + " to " + sizes[i]);
            }
            weights[i] = new Weights(side, sizes[i]);
            sums[i] = new float[sizes[i] * sizes[i] * 3];
            widest = Math.max(widest, sizes[i]);
        }
        // One pixel more than the source, of no light: the right edge of the last output pixel cuts it by nothing.
        double[] rowSums = new double[side * 3 + 6];
        float[] across = new float[widest * 3];
        int[] lowest = new int[sizes.length];
        for (int source = 0; source < side; source++) {
            toLinear(source, rowSums);
            for (int i = 0; i < sizes.length; i++) {
                across(rowSums, across, weights[i]);
                lowest[i] = down(source, across, sums[i], weights[i], lowest[i]);
            }
        }
        BufferedImage[] images = new BufferedImage[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            // Three bytes a pixel, as the JPEG encoder takes them without converting.
            images[i] = new BufferedImage(sizes[i], sizes[i], BufferedImage.TYPE_3BYTE_BGR);
            toSrgb(sums[i], ((DataBufferByte) images[i].getRaster().getDataBuffer()).getData());
        }
        return images;
    }

    /**
     * The running sums of one source row's light (linear, 0 to 1 a pixel) along the row:
     * {@code sums[3x + c]} is channel c's light of the pixels left of x, red, green and blue. In
     * doubles, which hold every such sum of floats exactly, so that a pixel's own light is the
     * difference of two sums.
     */
    private void toLinear(int row, double[] sums) {
        double red = 0;
        double green = 0;
        double blue = 0;
        if (packed != null) {
            for (int x = 0, from = row * side; x < side; x++) {
                int rgb = packed[from + x];
                sums[3 * x] = red;
                sums[3 * x + 1] = green;
                sums[3 * x + 2] = blue;
                red += TO_LINEAR[(rgb >>> 16) & 0xff];
                green += TO_LINEAR[(rgb >>> 8) & 0xff];
                blue += TO_LINEAR[rgb & 0xff];
            }
        } else {
            for (int x = 0, from = row * side * 3; x < side; x++, from += 3) {
                sums[3 * x] = red;
                sums[3 * x + 1] = green;
                sums[3 * x + 2] = blue;
                red += TO_LINEAR[bgr[from + 2] & 0xff];
                green += TO_LINEAR[bgr[from + 1] & 0xff];
                blue += TO_LINEAR[bgr[from] & 0xff];
            }
        }
        // The pixel past the row has no light: its running sums stay the row's.
        for (int at = 3 * side; at < sums.length; at += 3) {
            sums[at] = red;
            sums[at + 1] = green;
            sums[at + 2] = blue;
        }
    }

    /**
     * One row shrunk to the size's columns: each output pixel the light between its left and right
     * edges over its width. The light left of an edge is the running sum up to the pixel it cuts
     * plus that pixel's share of its own light: a few steps an output pixel however many source
     * pixels it covers.
     */
    private static void across(double[] sums, float[] across, Weights weights) {
        int[] edge = weights.edge;
        double[] cut = weights.cut;
        double perPixel = weights.perPixel;
        double red = 0;
        double green = 0;
        double blue = 0;
        for (int x = 0; x < edge.length; x++) {
            int at = 3 * edge[x];
            double share = cut[x];
            double r = sums[at] + share * (sums[at + 3] - sums[at]);
            double g = sums[at + 1] + share * (sums[at + 4] - sums[at + 1]);
            double b = sums[at + 2] + share * (sums[at + 5] - sums[at + 2]);
            if (x > 0) {
                across[3 * x - 3] = (float) ((r - red) * perPixel);
                across[3 * x - 2] = (float) ((g - green) * perPixel);
                across[3 * x - 1] = (float) ((b - blue) * perPixel);
            }
            red = r;
            green = g;
            blue = b;
        }
    }

    /**
     * Adds one source row, shrunk across, to each of the size's rows whose share it falls in, by
     * that share. Answers the lowest of the size's rows a later source row can still fall in.
     */
    private static int down(int source, float[] across, float[] sums, Weights weights, int lowest) {
        int[] first = weights.first;
        int[] count = weights.count;
        int width = count.length * 3;
        while (lowest < count.length && first[lowest] + count[lowest] <= source) {
            lowest++;
        }
        for (int y = lowest; y < count.length && first[y] <= source; y++) {
            float w = weights.weight[y * weights.taps + source - first[y]];
            if (w == 0) {
                continue;
            }
            int target = y * width;
            for (int x = 0; x < width; x++) {
                sums[target + x] += w * across[x];
            }
        }
        return lowest;
    }

    /** The sums, red, green and blue in linear light, back in sRGB as blue, green and red bytes. */
    private static void toSrgb(float[] sums, byte[] bgr) {
        for (int i = 0; i < sums.length; i += 3) {
            bgr[i] = srgb(sums[i + 2]);
            bgr[i + 1] = srgb(sums[i + 1]);
            bgr[i + 2] = srgb(sums[i]);
        }
    }

    private static byte srgb(float linear) {
        int step = (int) (linear * LINEAR_STEPS + 0.5f);
        return TO_SRGB[Math.max(0, Math.min(LINEAR_STEPS, step))];
    }

    /**
     * For each output index, the source pixels it covers (from {@code first}, {@code count} of them)
     * and the share of each; and for each of its edges, the pixel it cuts and how far into it.
     */
    private static final class Weights {
        final int taps;
        final int[] first;
        final int[] count;
        final float[] weight;
        final int[] edge;
        final double[] cut;
        final double perPixel;

        Weights(int from, int to) {
            double scale = (double) from / to;
            perPixel = (double) to / from;
            edge = new int[to + 1];
            cut = new double[to + 1];
            for (int i = 0; i <= to; i++) {
                // Exact where the edge falls on a pixel's edge (the product is an integer, the quotient rounded once).
                double at = (double) i * from / to;
                edge[i] = Math.min(from, (int) at);
                cut[i] = at - edge[i];
            }
            taps = Math.min(from, (int) Math.ceil(scale) + 1);
            first = new int[to];
            count = new int[to];
            weight = new float[to * taps];
            for (int i = 0; i < to; i++) {
                double start = i * scale;
                double end = Math.min(from, (i + 1) * scale);
                int covered = (int) Math.floor(start);
                int last = Math.min(from, (int) Math.ceil(end)) - 1;
                // The window of taps starts early enough to stay inside the source; the pixels before the share weigh 0.
                first[i] = Math.min(covered, from - taps);
                count[i] = last - first[i] + 1;
                for (int j = covered; j <= last; j++) {
                    weight[i * taps + j - first[i]] = (float) ((Math.min(end, j + 1) - Math.max(start, j)) / scale);
                }
            }
        }
    }
}
