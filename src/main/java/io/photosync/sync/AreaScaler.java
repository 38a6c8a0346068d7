package io.photosync.sync;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Shrinks a square sRGB photo the way a smaller camera sensor would have recorded it: each output
 * pixel is the mean of the light that falls on its area of the source (partly covered source
 * pixels counted by the share covered), averaged in linear light and turned back into sRGB.
 * Averaging sRGB values instead darkens fine detail (hair, text, patterned cloth) and shifts
 * colours at edges; a sharper filter (Lanczos) rings around them. See docs/benchmarks.md (b2).
 *
 * <p>Two separable passes, rows first: one over the source's rows for every size at once (each row
 * in linear light once), into a buffer of the size by the source's width (a float a channel), then
 * each buffer's columns.
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
    /** The source's pixels, packed RGB, row after row. */
    private final int[] pixels;

    /** @param square a {@link BufferedImage#TYPE_INT_RGB} square */
    AreaScaler(BufferedImage square) {
        if (square.getType() != BufferedImage.TYPE_INT_RGB || square.getWidth() != square.getHeight()) {
            throw new IllegalArgumentException("an RGB square, not " + square);
        }
        side = square.getWidth();
        pixels = ((DataBufferInt) square.getRaster().getDataBuffer()).getData();
    }

    /** The photo at {@code size} pixels a side, at most the source's. */
    BufferedImage scaled(int size) {
        return scaled(new int[] {size})[0];
    }

    /**
     * The photo at each of these sizes (each at most the source's), from one pass over its rows:
     * each row is turned into linear light once and added to the rows of every size it falls on
     * (the rows combined first, a whole row at a time: the inner loop runs over adjacent values,
     * which the JIT compiles to vector instructions), so that the second pass has only as many
     * rows to shrink as the size. Holds a float a channel for the sizes' rows by the source's
     * width, not the whole source in linear light.
     */
    BufferedImage[] scaled(int... sizes) {
        if (sizes.length == 0) {
            return new BufferedImage[0];
        }
        Weights[] weights = new Weights[sizes.length];
        float[][] rows = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || sizes[i] > side) {
                throw new IllegalArgumentException("only shrinks: " + side + " to " + sizes[i]);
            }
            weights[i] = new Weights(side, sizes[i]);
            rows[i] = new float[sizes[i] * side * 3];
        }
        float[] light = new float[side * 3];
        int[] lowest = new int[sizes.length];
        for (int source = 0; source < side; source++) {
            toLinear(source, light);
            for (int i = 0; i < sizes.length; i++) {
                lowest[i] = down(source, light, rows[i], weights[i], lowest[i]);
            }
        }
        BufferedImage[] images = new BufferedImage[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = new BufferedImage(sizes[i], sizes[i], BufferedImage.TYPE_INT_RGB);
            across(rows[i], ((DataBufferInt) images[i].getRaster().getDataBuffer()).getData(), weights[i], sizes[i]);
        }
        return images;
    }

    /** One row of the source in linear light, red, green and blue of each pixel together. */
    private void toLinear(int row, float[] light) {
        int from = row * side;
        for (int x = 0; x < side; x++) {
            int rgb = pixels[from + x];
            light[3 * x] = TO_LINEAR[(rgb >>> 16) & 0xff];
            light[3 * x + 1] = TO_LINEAR[(rgb >>> 8) & 0xff];
            light[3 * x + 2] = TO_LINEAR[rgb & 0xff];
        }
    }

    /**
     * Adds one source row, in linear light, to each of the size's rows whose share it falls in, by
     * that share; rows are added in the source's order, so each sum is the same as row by row.
     * Answers the lowest of the size's rows a later source row can still fall in.
     */
    private int down(int source, float[] light, float[] rows, Weights weights, int lowest) {
        int[] first = weights.first;
        int[] count = weights.count;
        int width = side * 3;
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
                rows[target + x] += w * light[x];
            }
        }
        return lowest;
    }

    /**
     * Each of those rows shrunk to {@code size} columns, back in sRGB (every output the same number
     * of taps: past its share the weights are 0).
     */
    private void across(float[] rows, int[] pixels, Weights weights, int size) {
        int taps = weights.taps;
        int[] first = weights.first;
        float[] weight = weights.weight;
        for (int y = 0; y < size; y++) {
            int row = y * side * 3;
            for (int x = 0; x < size; x++) {
                int from = row + 3 * first[x];
                int at = x * taps;
                float red = 0;
                float green = 0;
                float blue = 0;
                for (int k = 0; k < taps; k++) {
                    float w = weight[at + k];
                    red += w * rows[from + 3 * k];
                    green += w * rows[from + 3 * k + 1];
                    blue += w * rows[from + 3 * k + 2];
                }
                pixels[y * size + x] = (srgb(red) << 16) | (srgb(green) << 8) | srgb(blue);
            }
        }
    }

    private static int srgb(float linear) {
        int step = (int) (linear * LINEAR_STEPS + 0.5f);
        return TO_SRGB[Math.max(0, Math.min(LINEAR_STEPS, step))] & 0xff;
    }

    /** For each output index, the source pixels it covers (from {@code first}, {@code count} of them) and the share of each. */
    private static final class Weights {
        final int taps;
        final int[] first;
        final int[] count;
        final float[] weight;

        Weights(int from, int to) {
            double scale = (double) from / to;
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
