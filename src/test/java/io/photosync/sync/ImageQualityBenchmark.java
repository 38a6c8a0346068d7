package io.photosync.sync;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The renditions against ImageMagick's Lanczos, on the five {@link TestScenes}: each scene is drawn
 * at four times the source's 648 pixels, shrunk (exactly, by area in linear light) to a 648 pixel
 * JPEG as Microsoft 365 would serve it, and turned into the 48, 72 and 300 pixel JPEGs by
 * PhotoSync and by {@code convert SOURCE -filter Lanczos -resize NxN -quality 90}. Each is compared
 * by {@link Ssim} with two references made from the master: what a camera of that resolution
 * would record (each pixel the light of its area, computed in double precision), and ImageMagick's
 * own Lanczos of the master (its home ground). Needs ImageMagick ({@code apt-get install imagemagick}).
 */
public final class ImageQualityBenchmark {

    static final int SOURCE = 648;
    private static final int MASTER = 4 * SOURCE;
    private static final int[] SIZES = {PhotoRenderer.SMALL, PhotoRenderer.MEDIUM, 300};

    private ImageQualityBenchmark() {
    }

    public static String run(int seconds) throws Exception {
        String version = convert(List.of("-version"));
        if (!version.contains("ImageMagick")) {
            throw new IllegalStateException("the image quality benchmark needs ImageMagick's convert (apt-get install imagemagick): " + version.strip());
        }
        Path dir = Files.createDirectories(Path.of("target", "bench", "quality"));
        PhotoRenderer renderer = new PhotoRenderer(300);
        List<String> lines = new ArrayList<>();
        Map<Integer, double[]> totals = new LinkedHashMap<>();
        List<byte[]> sources = new ArrayList<>();
        for (Map.Entry<String, BufferedImage> scene : TestScenes.masters(MASTER).entrySet()) {
            String name = scene.getKey().replaceAll("[^a-z]+", "-");
            BufferedImage master = scene.getValue();
            Path masterFile = dir.resolve(name + "-master.png");
            ImageIO.write(master, "png", masterFile.toFile());
            byte[] source = jpeg(areaInLinearLight(master, SOURCE), 0.92f);
            sources.add(source);
            Path sourceFile = dir.resolve(name + "-source.jpg");
            Files.write(sourceFile, source);
            Renditions ours = renderer.render(source);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", scene.getKey()));
            for (int size : SIZES) {
                byte[] mine = (size == PhotoRenderer.SMALL ? ours.small() : size == PhotoRenderer.MEDIUM ? ours.medium() : ours.large()).jpeg();
                Path theirsFile = dir.resolve(name + "-lanczos-" + size + ".jpg");
                convert(List.of(sourceFile.toString(), "-filter", "Lanczos", "-resize", size + "x" + size, "-quality", "90", theirsFile.toString()));
                Path homeFile = dir.resolve(name + "-reference-lanczos-" + size + ".png");
                convert(List.of(masterFile.toString(), "-filter", "Lanczos", "-resize", size + "x" + size, homeFile.toString()));
                Files.write(dir.resolve(name + "-photosync-" + size + ".jpg"), mine);
                byte[] theirs = Files.readAllBytes(theirsFile);
                BufferedImage physical = areaInLinearLight(master, size);
                BufferedImage home = ImageIO.read(homeFile.toFile());
                double[] scores = {Ssim.of(physical, decode(mine)), Ssim.of(physical, decode(theirs)), Ssim.of(home, decode(mine)), Ssim.of(home, decode(theirs)),
                        mine.length, theirs.length};
                double[] total = totals.computeIfAbsent(size, s -> new double[scores.length]);
                for (int i = 0; i < scores.length; i++) {
                    total[i] += scores[i];
                }
                line.append(String.format(Locale.ROOT, " | %3d px: SSIM %.4f vs %.4f (Lanczos ref. %.4f vs %.4f), %,6d vs %,6d bytes",
                        size, scores[0], scores[1], scores[2], scores[3], mine.length, theirs.length));
            }
            lines.add(line.toString());
        }
        int scenes = sources.size();
        List<String> summary = new ArrayList<>();
        boolean allAtLeast = true;
        for (Map.Entry<Integer, double[]> size : totals.entrySet()) {
            double[] t = size.getValue();
            allAtLeast &= t[0] >= t[1];
            summary.add(String.format(Locale.ROOT, "%d px: PhotoSync %.4f, ImageMagick Lanczos %.4f (against ImageMagick's Lanczos of the master: %.4f vs %.4f); "
                    + "%,.0f vs %,.0f bytes", size.getKey(), t[0] / scenes, t[1] / scenes, t[2] / scenes, t[3] / scenes, t[4] / scenes, t[5] / scenes));
        }
        double perSecond = throughput(renderer, sources, seconds);
        return String.format(Locale.ROOT, "image quality: %d test photos (%s), %dx%d JPEG sources from %dx%d masters; mean SSIM against what a camera of the "
                        + "rendition's size records: %s; PhotoSync >= ImageMagick at every size: %s (target); %.0f photos/s per core on this set (target >= 100); "
                        + "files in %s%n%s",
                scenes, String.join(", ", TestScenes.masters(16).keySet()), SOURCE, SOURCE, MASTER, MASTER, String.join("; ", summary), allAtLeast ? "yes" : "NO",
                perSecond, dir, String.join("\n", lines));
    }

    /** Each output pixel the mean of the light on its area of {@code image}, in double precision; the benchmark's own code, not the renderer's. */
    static BufferedImage areaInLinearLight(BufferedImage image, int size) {
        int side = image.getWidth();
        double scale = (double) side / size;
        double[][] light = new double[3][side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    light[c][y * side + x] = linear((p >> (16 - 8 * c)) & 0xff);
                }
            }
        }
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int oy = 0; oy < size; oy++) {
            for (int ox = 0; ox < size; ox++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int y = (int) Math.floor(oy * scale); y < Math.min(side, Math.ceil((oy + 1) * scale)); y++) {
                        double wy = Math.min((oy + 1) * scale, y + 1) - Math.max(oy * scale, y);
                        for (int x = (int) Math.floor(ox * scale); x < Math.min(side, Math.ceil((ox + 1) * scale)); x++) {
                            double wx = Math.min((ox + 1) * scale, x + 1) - Math.max(ox * scale, x);
                            sum += wx * wy * light[c][y * side + x];
                        }
                    }
                    rgb = rgb << 8 | (int) Math.round(255 * srgb(sum / (scale * scale)));
                }
                out.setRGB(ox, oy, rgb);
            }
        }
        return out;
    }

    private static double linear(int code) {
        double v = code / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double srgb(double linear) {
        double l = Math.max(0, Math.min(1, linear));
        return l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
    }

    /** Renders the set round and round on this thread: photos per second after a warm-up. */
    private static double throughput(PhotoRenderer renderer, List<byte[]> sources, int seconds) {
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUpEnd; i++) {
            renderer.render(sources.get(i % sources.size()));
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int photos = 0;
        while (System.nanoTime() < end) {
            renderer.render(sources.get(photos % sources.size()));
            photos++;
        }
        return photos / ((System.nanoTime() - start) / 1e9);
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String convert(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("convert"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("convert " + arguments + " failed: " + output);
        }
        return output;
    }
}
