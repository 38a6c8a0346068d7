package io.photosync.sync;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns any photo Microsoft 365 may serve (JPEG incl. CMYK and progressive, PNG with alpha, any
 * size, EXIF-rotated) into SharePoint's three square sRGB JPEG renditions.
 *
 * <p>Decoding uses ImageIO with the TwelveMonkeys JPEG plugin (CMYK/YCCK, broken ICC profiles);
 * shrinking averages each rendition pixel's area in linear light ({@link AreaScaler}); the rare
 * photo smaller than a rendition is enlarged by Thumbnailator. Inputs are bounded before any pixel
 * is decoded.
 */
final class PhotoRenderer {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_SIDE = 8_000;
    static final int SMALL = 48;
    static final int MEDIUM = 72;
    static final int UPLOAD_MAX = 648;
    /** The largest photo Graph accepts ({@code PUT /users/{id}/photo/$value}). */
    static final int GRAPH_MAX_BYTES = 4 * 1024 * 1024;
    /** A new photo's preview on its card: small enough for Teams' 28 KB card limit. */
    static final int PREVIEW = 120;
    /** The longest side decoded: a larger source is read every second, third, … pixel, which bounds memory whatever its size. */
    static final int DECODED_MAX = 2048;
    private static final float JPEG_QUALITY = 0.9f;

    static {
        // Plugins on the class path are found once; in some containers only after a rescan.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private final int largeSize;
    private final RenderBudget budget;

    PhotoRenderer(int largeSize) {
        this(largeSize, RenderBudget.shared());
    }

    PhotoRenderer(int largeSize, RenderBudget budget) {
        if (largeSize < MEDIUM || largeSize > 648) {
            throw new IllegalArgumentException("large rendition size must be between 72 and 648, was " + largeSize);
        }
        this.largeSize = largeSize;
        this.budget = budget;
    }

    /** The three renditions of this photo; throws {@link PhotoRejected} when it cannot be used. */
    Renditions render(byte[] source) {
        return withinBudget(source, square -> {
            // Each size from the photo itself: those it shrinks to in one pass over its rows, any other as scaled() makes it.
            int side = square.getWidth();
            int[] sizes = {SMALL, largeSize, MEDIUM};
            BufferedImage[] smaller = new AreaScaler(square).scaled(IntStream.of(sizes).filter(size -> size < side).toArray());
            BufferedImage[] images = new BufferedImage[sizes.length];
            for (int i = 0, next = 0; i < sizes.length; i++) {
                images[i] = sizes[i] < side ? smaller[next++] : scaled(square, sizes[i]);
            }
            return new Renditions(rendition(images[0], Rendition.Kind.SMALL), rendition(images[1], Rendition.Kind.LARGE),
                    rendition(images[2], Rendition.Kind.MEDIUM));
        });
    }

    /**
     * The photo as one square sRGB JPEG of at most {@value #UPLOAD_MAX} pixels, for
     * {@code SetMyProfilePicture}, which makes the renditions itself but answers "Parameter is not
     * valid." to encodings it cannot read. Throws {@link PhotoRejected} like {@link #render}.
     */
    byte[] forUpload(byte[] source) {
        if (JpegSegments.plainSquare(source, UPLOAD_MAX)) {
            // Already what SharePoint reads (Graph's own 648 px photo is): sent as it is, with no
            // second lossy generation, once its pixels are known to decode.
            decoded(source, image -> image);
            return source;
        }
        return withinBudget(source, square -> rendition(scaled(square, Math.min(square.getWidth(), UPLOAD_MAX)), Rendition.Kind.LARGE).jpeg());
    }

    /**
     * A photo someone sent, made ready for Microsoft 365 with one decode: the centre square as a
     * JPEG of at most {@value #UPLOAD_MAX} pixels, which stays well under Graph's 4 MB, and a
     * {@value #PREVIEW} pixel preview of it for the card. Throws {@link PhotoRejected} like {@link #render}.
     */
    PreparedPhoto prepare(byte[] source) {
        return withinBudget(source, square -> {
            BufferedImage upload = scaled(square, Math.min(square.getWidth(), UPLOAD_MAX));
            byte[] jpeg = rendition(upload, Rendition.Kind.LARGE).jpeg();
            if (jpeg.length > GRAPH_MAX_BYTES) {
                throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_BYTES, jpeg.length + " bytes after normalising");
            }
            return new PreparedPhoto(jpeg, rendition(scaled(upload, Math.min(upload.getWidth(), PREVIEW)), Rendition.Kind.MEDIUM).jpeg(),
                    upload.getWidth());
        });
    }

    /**
     * Refuses more than {@value #MAX_BYTES} bytes unread; decodes the photo's centre square
     * (upright, on white) and hands it to {@code work}, holding
     * the memory that takes in the shared {@link RenderBudget} meanwhile, so that many large photos
     * at once wait for each other instead of adding up. Running out of memory anyway ends in
     * {@link PhotoRejected.Reason#TOO_LARGE_TO_RENDER}, never in an error that would be retried.
     */
    private <T> T withinBudget(byte[] source, Function<BufferedImage, T> work) {
        return decoded(source, image -> work.apply(squareOnWhite(image)));
    }

    /** The same, with the image as decoded (its centre square, upright; not yet flattened). */
    private <T> T decoded(byte[] source, Function<BufferedImage, T> work) {
        if (source.length > MAX_BYTES) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_BYTES, source.length + " bytes");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(PngChunks.bounded(source)))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PhotoRejected(PhotoRejected.Reason.NOT_AN_IMAGE, "no reader recognises the data");
            }
            ImageReader reader = readers.next();
            try {
                boolean jpeg = "jpeg".equalsIgnoreCase(reader.getFormatName());
                // Only a JPEG's metadata is read (its EXIF orientation); a PNG's text and ICC chunks,
                // which can inflate to gigabytes from a small file, are skipped unread.
                reader.setInput(in, true, !jpeg);
                Plan plan = plan(reader);
                try (RenderBudget.Lease lease = budget.acquire(plan.bytes())) {
                    return work.apply(decode(reader, plan, jpeg));
                }
            } finally {
                reader.dispose();
            }
        } catch (OutOfMemoryError e) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_LARGE_TO_RENDER, "out of memory while rendering");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejected rejected) {
                throw rejected;
            }
            throw new PhotoRejected(PhotoRejected.Reason.DAMAGED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * What to decode, from the header alone: the centre square, read every {@code step}-th pixel
     * so that it comes out at most {@value #DECODED_MAX} pixels a side (still more than twice the
     * largest rendition), and the memory that takes: the decoded square and its flattened copy
     * (at most four bytes a pixel each, both held while the copy is drawn; a colour JPEG needs no
     * copy), and the scaler's sums: a row's running sums (a double a channel) and every size's output
     * (at most {@value #UPLOAD_MAX}, {@value #MEDIUM} and {@value #SMALL} a side, a float a channel).
     */
    record Plan(int x, int y, int side, int step) {

        /** The side of the square as decoded, every {@code step}-th pixel of {@code side}. */
        int decodedSide() {
            return (side + step - 1) / step;
        }

        long bytes() {
            long side = decodedSide();
            return side * side * 8 + side * 24 + (UPLOAD_MAX * UPLOAD_MAX + MEDIUM * MEDIUM + SMALL * SMALL) * 12L;
        }
    }

    static Plan plan(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new PhotoRejected(PhotoRejected.Reason.TOO_MANY_PIXELS, width + "x" + height);
        }
        int side = Math.min(width, height);
        return new Plan((width - side) / 2, (height - side) / 2, side, (side + DECODED_MAX - 1) / DECODED_MAX);
    }

    private static BufferedImage decode(ImageReader reader, Plan plan, boolean jpeg) throws IOException {
        TruncationListener truncation = new TruncationListener();
        reader.addIIOReadWarningListener(truncation);
        // EXIF orientation lives in JPEG APP1 segments; Thumbnailator's reader refuses other formats.
        // A quarter turn of the centre square is the centre square of the turned photo.
        Orientation orientation = jpeg ? ExifUtils.getExifOrientation(reader, 0) : null;
        ImageReadParam param = reader.getDefaultReadParam();
        if (plan.x() != 0 || plan.y() != 0) {
            param.setSourceRegion(new Rectangle(plan.x(), plan.y(), plan.side(), plan.side()));
        }
        if (plan.step() > 1) {
            param.setSourceSubsampling(plan.step(), plan.step(), 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (truncation.warning != null) {
            throw new PhotoRejected(PhotoRejected.Reason.DAMAGED, truncation.warning);
        }
        return orientation == null ? image : ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
    }

    /** Centre-crops to a square and flattens onto white in plain RGB (alpha would turn black in JPEG), unless the scaler reads it as it is. */
    private static BufferedImage squareOnWhite(BufferedImage image) {
        if (image.getWidth() == image.getHeight() && AreaScaler.reads(image)) {
            return image;
        }
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, -x, -y, null);
        } finally {
            g.dispose();
        }
        return square;
    }

    /** Shrunk by area in linear light ({@link AreaScaler}); a photo smaller than the size is enlarged smoothly by Thumbnailator. */
    private static BufferedImage scaled(BufferedImage square, int size) {
        if (square.getWidth() == size) {
            return square;
        }
        if (size < square.getWidth()) {
            return new AreaScaler(square).scaled(size);
        }
        try {
            return Thumbnails.of(square).size(size, size).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Rendition rendition(BufferedImage image, Rendition.Kind kind) {
        try {
            return new Rendition(kind, image.getWidth(), jpeg(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                // Huffman tables fitted to the picture instead of the standard ones: a 48 px rendition is a quarter smaller.
                jpegParam.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Decoders report a truncated or corrupt stream only as a warning and return a half-grey image;
     * we refuse it. Other warnings (a CMYK file without an ICC profile, say) are harmless.
     */
    private static final class TruncationListener implements IIOReadWarningListener {
        private static final Pattern DAMAGE = Pattern.compile(
                "premature end|corrupt|truncat|bad huffman|invalid", Pattern.CASE_INSENSITIVE);
        private String warning;

        @Override
        public void warningOccurred(ImageReader source, String message) {
            if (warning == null && message != null && DAMAGE.matcher(message).find()) {
                warning = message;
            }
        }
    }
}
