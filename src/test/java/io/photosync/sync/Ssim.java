package io.photosync.sync;

import java.awt.image.BufferedImage;

/**
 * The structural similarity index of two images of the same size, as defined by Wang, Bovik,
 * Sheikh and Simoncelli (IEEE Trans. Image Processing 13(4), 2004): on luma (Rec. 601 weights, 0 to
 * 255), an 11 x 11 Gaussian window of sigma 1.5, K1 = 0.01, K2 = 0.03, the mean over every window
 * that lies wholly inside the image. 1 means identical.
 */
final class Ssim {

    private static final int RADIUS = 5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WINDOW = gaussian();

    private Ssim() {
    }

    static double of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("different sizes: " + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth() + "x" + b.getHeight());
        }
        int width = a.getWidth();
        int height = a.getHeight();
        if (width <= 2 * RADIUS || height <= 2 * RADIUS) {
            throw new IllegalArgumentException("smaller than the window: " + width + "x" + height);
        }
        double[] x = luma(a);
        double[] y = luma(b);
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] muX = filtered(x, width, height);
        double[] muY = filtered(y, width, height);
        double[] meanXx = filtered(xx, width, height);
        double[] meanYy = filtered(yy, width, height);
        double[] meanXy = filtered(xy, width, height);
        double sum = 0;
        for (int i = 0; i < muX.length; i++) {
            double varianceX = meanXx[i] - muX[i] * muX[i];
            double varianceY = meanYy[i] - muY[i] * muY[i];
            double covariance = meanXy[i] - muX[i] * muY[i];
            sum += (2 * muX[i] * muY[i] + C1) * (2 * covariance + C2)
                    / ((muX[i] * muX[i] + muY[i] * muY[i] + C1) * (varianceX + varianceY + C2));
        }
        return sum / muX.length;
    }

    private static double[] luma(BufferedImage image) {
        int width = image.getWidth();
        double[] luma = new double[width * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                luma[y * width + x] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return luma;
    }

    /** The Gaussian-weighted mean around each pixel whose window fits, separably: (width - 10) x (height - 10) values. */
    private static double[] filtered(double[] values, int width, int height) {
        int outWidth = width - 2 * RADIUS;
        int outHeight = height - 2 * RADIUS;
        double[] across = new double[outWidth * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < outWidth; x++) {
                double sum = 0;
                for (int k = 0; k < WINDOW.length; k++) {
                    sum += WINDOW[k] * values[y * width + x + k];
                }
                across[y * outWidth + x] = sum;
            }
        }
        double[] out = new double[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                double sum = 0;
                for (int k = 0; k < WINDOW.length; k++) {
                    sum += WINDOW[k] * across[(y + k) * outWidth + x];
                }
                out[y * outWidth + x] = sum;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] window = new double[2 * RADIUS + 1];
        double total = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            window[i + RADIUS] = Math.exp(-(i * i) / (2 * 1.5 * 1.5));
            total += window[i + RADIUS];
        }
        for (int i = 0; i < window.length; i++) {
            window[i] /= total;
        }
        return window;
    }
}
