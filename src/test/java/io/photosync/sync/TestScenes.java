package io.photosync.sync;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The image benchmark's test photos, drawn (not shot) so that each exists at any resolution: fine
 * detail (a zone plate up to the source's finest frequency), hair (thousands of thin strokes),
 * text, gradients, and skin-like noise. Each is a square sRGB master of {@code side} pixels;
 * seeded, so every run draws the same.
 */
final class TestScenes {

    private TestScenes() {
    }

    /** The five masters, by name. */
    static Map<String, BufferedImage> masters(int side) {
        Map<String, BufferedImage> scenes = new LinkedHashMap<>();
        scenes.put("fine detail (zone plate)", zonePlate(side));
        scenes.put("hair", hair(side));
        scenes.put("text", text(side));
        scenes.put("gradients", gradients(side));
        scenes.put("skin-like noise", skin(side));
        return scenes;
    }

    /** Concentric rings whose frequency rises from the centre to half a cycle per pixel of a source a quarter of the master's side. */
    private static BufferedImage zonePlate(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        double centre = side / 2.0;
        double farthest = centre * Math.sqrt(2);
        double k = Math.PI * 0.125 / farthest;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (x - centre) * (x - centre) + (y - centre) * (y - centre);
                int v = (int) Math.round(127.5 + 127.5 * Math.cos(k * r2));
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static BufferedImage hair(int side) {
        BufferedImage image = canvas(side, new Color(236, 226, 210));
        Graphics2D g = graphics(image);
        Random random = new Random(19);
        for (int i = 0; i < 3_000; i++) {
            float x = random.nextFloat() * side;
            float y = random.nextFloat() * side * 0.2f - side * 0.1f;
            float length = side * (0.5f + random.nextFloat() * 0.6f);
            float sway = side * 0.15f * (random.nextFloat() - 0.5f);
            int shade = 25 + random.nextInt(70);
            g.setColor(new Color(shade + 30, shade + 12, shade));
            g.setStroke(new BasicStroke(1.2f + random.nextFloat() * 2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new CubicCurve2D.Float(x, y, x + sway, y + length / 3, x - sway, y + 2 * length / 3, x + sway / 2, y + length));
        }
        g.dispose();
        return image;
    }

    private static BufferedImage text(int side) {
        BufferedImage image = canvas(side, Color.WHITE);
        Graphics2D g = graphics(image);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        String line = "Synkroniser bildet mitt - Sync my photo 0123456789";
        int y = 0;
        int[] sizes = {20, 28, 40, 56, 80, 112, 160, 220};
        Color[][] colours = {{Color.BLACK, Color.WHITE}, {new Color(20, 60, 160), new Color(255, 250, 230)}, {new Color(190, 20, 30), new Color(235, 240, 245)}};
        for (int i = 0; y < side; i++) {
            int size = sizes[i % sizes.length] * side / 2592;
            Color[] pair = colours[i % colours.length];
            g.setColor(pair[1]);
            g.fillRect(0, y, side, size * 3 / 2);
            g.setColor(pair[0]);
            g.setFont(new Font(i % 2 == 0 ? Font.SANS_SERIF : Font.SERIF, i % 3 == 0 ? Font.BOLD : Font.PLAIN, Math.max(4, size)));
            g.drawString(line, side / 50, y + size * 6 / 5);
            y += size * 3 / 2;
        }
        g.dispose();
        return image;
    }

    private static BufferedImage gradients(int side) {
        BufferedImage image = canvas(side, Color.WHITE);
        Graphics2D g = graphics(image);
        g.setPaint(new GradientPaint(0, 0, new Color(10, 40, 120), side, 0, new Color(250, 200, 60)));
        g.fillRect(0, 0, side, side / 3);
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, side, 0, Color.WHITE));
        g.fillRect(0, side / 3, side, side / 6);
        g.setPaint(new RadialGradientPaint(side / 2f, side * 0.75f, side * 0.4f, new float[] {0f, 0.5f, 1f},
                new Color[] {new Color(255, 240, 220), new Color(200, 60, 90), new Color(20, 90, 70)}, MultipleGradientPaint.CycleMethod.REFLECT));
        g.fillRect(0, side / 2, side, side / 2);
        g.dispose();
        return image;
    }

    /** A skin tone with shading, multi-octave value noise (pores, texture) and a few freckles. */
    private static BufferedImage skin(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        float[][] octaves = new float[5][];
        int[] cells = {4, 16, 64, 256, 1024};
        for (int o = 0; o < octaves.length; o++) {
            octaves[o] = new float[(cells[o] + 1) * (cells[o] + 1)];
            for (int i = 0; i < octaves[o].length; i++) {
                octaves[o][i] = random.nextFloat() - 0.5f;
            }
        }
        double[] amplitude = {0.10, 0.05, 0.035, 0.03, 0.025};
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double noise = 0;
                for (int o = 0; o < octaves.length; o++) {
                    noise += amplitude[o] * smooth(octaves[o], cells[o], (double) x / side * cells[o], (double) y / side * cells[o]);
                }
                double light = 0.85 + 0.15 * Math.cos((x - side * 0.4) / side * 2.2) * Math.cos((y - side * 0.45) / side * 1.8) + noise;
                image.setRGB(x, y, rgb(224 * light, 172 * light, 142 * light));
            }
        }
        Graphics2D g = graphics(image);
        for (int i = 0; i < 160; i++) {
            float size = side * (0.002f + random.nextFloat() * 0.006f);
            g.setColor(new Color(170, 110, 80, 90 + random.nextInt(100)));
            g.fill(new Ellipse2D.Float(random.nextFloat() * side, random.nextFloat() * side, size, size * (0.7f + random.nextFloat() * 0.6f)));
        }
        g.dispose();
        return image;
    }

    private static double smooth(float[] grid, int cells, double x, double y) {
        int x0 = Math.min(cells - 1, (int) x);
        int y0 = Math.min(cells - 1, (int) y);
        double fx = fade(x - x0);
        double fy = fade(y - y0);
        int stride = cells + 1;
        double top = grid[y0 * stride + x0] * (1 - fx) + grid[y0 * stride + x0 + 1] * fx;
        double bottom = grid[(y0 + 1) * stride + x0] * (1 - fx) + grid[(y0 + 1) * stride + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    private static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage canvas(int side, Color background) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, side, side);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
