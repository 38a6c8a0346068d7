package io.photosync.manifest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * PhotoSync's Teams icons, drawn here so the project owns them: a head-and-shoulders figure inside
 * two curved "sync" arrows. Teams asks for a 192×192 full-colour icon and a 32×32 outline icon that
 * is white on a transparent background.
 */
final class AppIcons {

    static final Color ACCENT = new Color(0x2B, 0x6C, 0xB0);

    private AppIcons() {
    }

    /** 192×192: the figure and arrows in white on the accent colour, rounded corners. */
    static BufferedImage color() {
        int size = 192;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = begin(image);
        try {
            g.setColor(ACCENT);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 40, 40));
            drawMark(g, size, Color.WHITE, 9f);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** 32×32: the same mark in pure white, everything else fully transparent. */
    static BufferedImage outline() {
        int size = 32;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = begin(image);
        try {
            drawMark(g, size, Color.WHITE, 2.2f);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Graphics2D begin(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** A head and shoulders in the middle, two arrows chasing each other around it. */
    private static void drawMark(Graphics2D g, int size, Color color, float stroke) {
        double s = size;
        g.setColor(color);
        g.fill(new Ellipse2D.Double(s * 0.40, s * 0.28, s * 0.20, s * 0.20));
        Path2D shoulders = new Path2D.Double();
        shoulders.moveTo(s * 0.30, s * 0.70);
        shoulders.curveTo(s * 0.30, s * 0.54, s * 0.70, s * 0.54, s * 0.70, s * 0.70);
        shoulders.closePath();
        g.fill(shoulders);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double inset = s * 0.14;
        double diameter = s - 2 * inset;
        g.draw(new Arc2D.Double(inset, inset, diameter, diameter, 100, 140, Arc2D.OPEN));
        g.draw(new Arc2D.Double(inset, inset, diameter, diameter, 280, 140, Arc2D.OPEN));
        arrowHead(g, s, inset, diameter, 240);
        arrowHead(g, s, inset, diameter, 60);
    }

    private static void arrowHead(Graphics2D g, double s, double inset, double diameter, double degrees) {
        double radians = Math.toRadians(degrees);
        double cx = inset + diameter / 2 + Math.cos(radians) * diameter / 2;
        double cy = inset + diameter / 2 - Math.sin(radians) * diameter / 2;
        double length = s * 0.09;
        // The arrow points along the circle, counter-clockwise.
        double tangent = radians + Math.PI / 2;
        double tx = Math.cos(tangent);
        double ty = -Math.sin(tangent);
        Path2D head = new Path2D.Double();
        head.moveTo(cx + tx * length, cy + ty * length);
        head.lineTo(cx - ty * length * 0.7, cy + tx * length * 0.7);
        head.lineTo(cx + ty * length * 0.7, cy - tx * length * 0.7);
        head.closePath();
        g.fill(head);
    }
}
