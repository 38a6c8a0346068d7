package io.photosync.sandbox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The pictures the personas wear, drawn here (no photo of a real person is in the repository), and
 * the encodings real photos arrive in: PNG with transparency, progressive and CMYK JPEG, a phone
 * picture turned sideways by its EXIF orientation.
 */
final class PersonaPictures {

    private PersonaPictures() {
    }

    /**
     * A head-and-shoulders figure. With no background the image has alpha and only the figure is
     * opaque; the top tenth is a marker band in the figure's colour, so orientation can be checked.
     */
    static BufferedImage portrait(int width, int height, Color figure, Color background) {
        BufferedImage image = new BufferedImage(width, height, background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (background != null) {
                g.setPaint(new GradientPaint(0, 0, background, width, height, background.darker()));
                g.fillRect(0, 0, width, height);
            }
            g.setColor(figure);
            g.fillRect(0, 0, width, height / 10);
            int side = Math.min(width, height);
            int cx = width / 2;
            int cy = height / 2;
            g.fillOval(cx - side / 5, cy - side / 3, side * 2 / 5, side * 2 / 5);
            g.fillOval(cx - side * 2 / 5, cy + side / 8, side * 4 / 5, side * 3 / 4);
            g.setColor(figure.brighter());
            g.setStroke(new BasicStroke(side / 60f));
            g.drawOval(cx - side / 5, cy - side / 3, side * 2 / 5, side * 2 / 5);
        } finally {
            g.dispose();
        }
        return image;
    }

    static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(colour, 0, 0, null);
        g.dispose();
        return grey;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A square JPEG of the image's centre at {@code size} pixels, as SharePoint makes its renditions. */
    static byte[] squareJpeg(BufferedImage image, int size) {
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int x = (image.getWidth() - side) / 2;
            int y = (image.getHeight() - side) / 2;
            g.drawImage(image, 0, 0, size, size, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return jpeg(square, false);
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        return writeJpeg(new IIOImage(image, null, null), progressive);
    }

    /** A CMYK JPEG (Adobe APP14), written from a four-band raster as print tools do. */
    static byte[] cmykJpeg(int side) {
        BufferedImage rgb = portrait(side, side, new Color(0x00, 0x70, 0x90), new Color(0xF5, 0xE6, 0xC8));
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, side, side, 4, null);
        int[] pixel = new int[4];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int argb = rgb.getRGB(x, y);
                float r = ((argb >> 16) & 0xFF) / 255f;
                float gr = ((argb >> 8) & 0xFF) / 255f;
                float b = (argb & 0xFF) / 255f;
                float k = 1 - Math.max(r, Math.max(gr, b));
                float scale = k >= 1 ? 0 : 1 / (1 - k);
                // Adobe CMYK JPEGs store inverted values.
                pixel[0] = 255 - Math.round((1 - r - k) * scale * 255);
                pixel[1] = 255 - Math.round((1 - gr - k) * scale * 255);
                pixel[2] = 255 - Math.round((1 - b - k) * scale * 255);
                pixel[3] = 255 - Math.round(k * 255);
                cmyk.setPixel(x, y, pixel);
            }
        }
        return withAdobeCmykMarker(writeJpeg(new IIOImage(cmyk, null, null), false));
    }

    /**
     * Marks a four-component JPEG as Adobe CMYK (APP14, transform 0): without the marker, readers
     * take the four components for RGBA.
     */
    static byte[] withAdobeCmykMarker(byte[] jpeg) {
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertSegment(jpeg, 0xEE, adobe);
    }

    /**
     * A progressive JPEG whose pixels are stored turned 90° anticlockwise, with EXIF orientation 6
     * ("rotate 90° clockwise to display"), as phone cameras write them.
     */
    static byte[] sidewaysWithExif(int side) {
        BufferedImage upright = portrait(side, side, new Color(0x90, 0x20, 0x70), new Color(0xE8, 0xF4, 0xD0));
        BufferedImage stored = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                // stored(x, y) shows upright(side-1-y, x): upright turned 90° anticlockwise.
                stored.setRGB(x, y, upright.getRGB(side - 1 - y, x));
            }
        }
        return withExifOrientation(jpeg(stored, true), 6);
    }

    /** Inserts a minimal EXIF APP1 segment (big-endian TIFF, one IFD entry: Orientation) after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8)      // header, first IFD at offset 8
                .putShort((short) 1)                            // one entry
                .putShort((short) 0x0112).putShort((short) 3)  // Orientation, SHORT
                .putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);                                     // no next IFD
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        return insertSegment(jpeg, 0xE1, exif);
    }

    /** Inserts an APPn segment right after the JPEG's start-of-image marker. */
    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + payload.length + 4);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] writeJpeg(IIOImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
