package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.sandbox.Personas;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The image pipeline on every persona's photo and on inputs meant to break it. */
class PhotoRendererTests {

    private final PhotoRenderer renderer = new PhotoRenderer(300);

    static Stream<Personas.Persona> personasWithPhotos() {
        return Personas.all().stream().filter(p -> p.photo() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personasWithPhotos")
    void makesThreeSquareRgbJpegsOfEveryPersonasPhoto(Personas.Persona persona) throws IOException {
        Renditions renditions = renderer.render(persona.photo());

        assertRendition(renditions.small(), Rendition.Kind.SMALL, 48);
        assertRendition(renditions.medium(), Rendition.Kind.MEDIUM, 72);
        assertRendition(renditions.large(), Rendition.Kind.LARGE, 300);
    }

    @Test
    void putsTransparentPixelsOnWhiteNotBlack() throws IOException {
        BufferedImage large = decode(renderer.render(Personas.byId(Personas.ALEX).photo()).large().jpeg());

        assertNearly(new Color(large.getRGB(2, large.getHeight() - 3)), Color.WHITE);
    }

    @Test
    void convertsCmykToTheSameColoursInRgb() throws IOException {
        BufferedImage large = decode(renderer.render(Personas.byId(Personas.ISAIAH).photo()).large().jpeg());

        // The CMYK persona's figure is teal (0, 112, 144): a naive decoder would invert or tint it.
        Color band = new Color(large.getRGB(150, 10));
        assertThat(band.getBlue()).isGreaterThan(band.getRed() + 60);
        assertThat(band.getGreen()).isGreaterThan(band.getRed() + 40);
    }

    @Test
    void turnsAnExifRotatedPhotoUpright() throws IOException {
        BufferedImage large = decode(renderer.render(Personas.byId(Personas.NESTOR).photo()).large().jpeg());

        // Upright, the figure-coloured band (purple 0x902070) runs along the top edge, not the left.
        Color top = new Color(large.getRGB(150, 8));
        Color left = new Color(large.getRGB(8, 150));
        assertNearly(top, new Color(0x90, 0x20, 0x70));
        assertThat(left.getGreen()).isGreaterThan(150);
    }

    @Test
    void cropsANonSquarePhotoAroundItsCentre() throws IOException {
        BufferedImage large = decode(renderer.render(Personas.byId(Personas.MEGAN).photo()).large().jpeg());

        // Megan's 480x640 photo loses 80 px top and bottom: the 64 px marker band is cut away.
        Color top = new Color(large.getRGB(150, 4));
        assertThat(top.getRed()).isGreaterThan(200);
    }

    /** A photo someone sends: the centre square at most 648 px, a 120 px preview of the same square, both sRGB JPEGs. */
    @Test
    void preparesASentPhotoAsTheSquareMicrosoft365WillShowAndASmallPreview() throws IOException {
        PreparedPhoto prepared = renderer.prepare(Personas.byId(Personas.MEGAN).photo());

        BufferedImage upload = decode(prepared.jpeg());
        BufferedImage preview = decode(prepared.preview());
        assertThat(upload.getWidth()).isEqualTo(upload.getHeight()).isEqualTo(prepared.side()).isLessThanOrEqualTo(648);
        assertThat(preview.getWidth()).isEqualTo(preview.getHeight()).isEqualTo(Math.min(120, prepared.side()));
        assertThat(formatOf(prepared.jpeg())).isEqualTo("JPEG");
        assertThat(prepared.jpeg().length).isLessThan(4 * 1024 * 1024);
        assertNearly(new Color(preview.getRGB(preview.getWidth() / 2, preview.getHeight() / 2)),
                new Color(upload.getRGB(upload.getWidth() / 2, upload.getHeight() / 2)));
    }

    @Test
    void refusesToPrepareWhatItWouldRefuseToRender() {
        assertThatThrownBy(() -> renderer.prepare(pngHeaderClaiming(20_000, 20_000))).isInstanceOfSatisfying(PhotoRejected.class,
                e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.TOO_MANY_PIXELS));
        assertThatThrownBy(() -> renderer.prepare("%PDF-1.7".getBytes())).isInstanceOfSatisfying(PhotoRejected.class,
                e -> assertThat(e.reason()).isEqualTo(PhotoRejected.Reason.NOT_AN_IMAGE));
    }

    @Test
    void uploadsAPlainSquareJpegAsItIsAndDrawsAnythingElseAgain() throws IOException {
        byte[] plain = JpegSegmentsTests.jpeg(JpegSegmentsTests.picture(648, 648, BufferedImage.TYPE_INT_RGB), false);
        byte[] progressive = JpegSegmentsTests.jpeg(JpegSegmentsTests.picture(648, 648, BufferedImage.TYPE_INT_RGB), true);

        assertThat(renderer.forUpload(plain)).as("no second lossy generation").isEqualTo(plain);
        byte[] drawnAgain = renderer.forUpload(progressive);
        assertThat(drawnAgain).isNotEqualTo(progressive);
        assertThat(JpegSegments.plainSquare(drawnAgain, PhotoRenderer.UPLOAD_MAX)).as("what it draws is plain itself").isTrue();
        assertThat(decode(drawnAgain).getWidth()).isEqualTo(648);
    }

    @Test
    void refusesToUploadAPlainLookingJpegWhosePixelsAreDamaged() {
        byte[] plain = JpegSegmentsTests.jpeg(JpegSegmentsTests.picture(648, 648, BufferedImage.TYPE_INT_RGB), false);
        // The header intact and the end-of-image marker last, but most of the pixels' data gone.
        byte[] damaged = Arrays.copyOf(plain, plain.length / 3 + 2);
        damaged[damaged.length - 2] = (byte) 0xFF;
        damaged[damaged.length - 1] = (byte) 0xD9;
        assertThat(JpegSegments.plainSquare(damaged, PhotoRenderer.UPLOAD_MAX)).isTrue();

        assertThatThrownBy(() -> renderer.forUpload(damaged))
                .isInstanceOfSatisfying(PhotoRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(PhotoRejected.Reason.DAMAGED));
    }

    @Test
    void refusesATruncatedFile() {
        byte[] photo = Personas.byId(Personas.ADELE).photo();
        byte[] truncated = Arrays.copyOf(photo, photo.length / 2);

        assertRejected(truncated, PhotoRejected.Reason.DAMAGED);
    }

    @Test
    void refusesSomethingThatIsNotAnImage() {
        assertRejected("%PDF-1.7 not a photo at all".getBytes(), PhotoRejected.Reason.NOT_AN_IMAGE);
        assertRejected(new byte[0], PhotoRejected.Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesA20000PixelImageBeforeDecodingIt() {
        byte[] bomb = pngHeaderClaiming(20_000, 20_000);

        assertRejected(bomb, PhotoRejected.Reason.TOO_MANY_PIXELS);
    }

    @Test
    void refusesMoreThanTenMegabytes() {
        assertRejected(new byte[PhotoRenderer.MAX_BYTES + 1], PhotoRejected.Reason.TOO_MANY_BYTES);
    }

    @Test
    void acceptsATinyPhotoByScalingItUp() throws IOException {
        BufferedImage tiny = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tiny, "png", png);

        assertRendition(renderer.render(png.toByteArray()).large(), Rendition.Kind.LARGE, 300);
    }

    private void assertRejected(byte[] input, PhotoRejected.Reason reason) {
        assertThatThrownBy(() -> renderer.render(input))
                .isInstanceOfSatisfying(PhotoRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    private static void assertRendition(Rendition rendition, Rendition.Kind kind, int size) throws IOException {
        assertThat(rendition.kind()).isEqualTo(kind);
        assertThat(rendition.size()).isEqualTo(size);
        assertThat(formatOf(rendition.jpeg())).isEqualTo("JPEG");
        BufferedImage image = decode(rendition.jpeg());
        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(image.getColorModel().getNumColorComponents()).isEqualTo(3);
        assertThat(image.getColorModel().hasAlpha()).isFalse();
    }

    private static String formatOf(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? readers.next().getFormatName().toUpperCase() : "none";
        }
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertNearly(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of " + actual).isLessThan(40);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of " + actual).isLessThan(40);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of " + actual).isLessThan(40);
    }

    /** A PNG whose header claims a size; the pixel data never follows. */
    private static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        byte[] typeAndData = ByteBuffer.allocate(17).put(new byte[] {'I', 'H', 'D', 'R'}).put(ihdr.array()).array();
        out.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
