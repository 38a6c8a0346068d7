package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos that pass the byte and side limits but would take the heap: decoded from the header's
 * plan (centre square, every n-th pixel), inside a shared memory budget, text chunks never inflated.
 * The proof runs in a JVM of its own with a heap a third of the 768 MB the recipes give.
 */
class PhotoRendererMemoryTests {

    static final String SMALL_HEAP = "-Xmx256m";

    @TempDir
    static Path folder;
    static Path huge;
    static Path textBomb;
    static Path profileBomb;

    @BeforeAll
    static void photos() throws IOException {
        huge = Files.write(folder.resolve("7999x7999.png"), Pngs.solid(7999, 7999, 0x3366cc));
        textBomb = Files.write(folder.resolve("ztxt-bomb.png"), Pngs.withBomb("zTXt", 1L << 30));
        profileBomb = Files.write(folder.resolve("iccp-bomb.png"), Pngs.withBomb("iCCP", 256L << 20));
    }

    @Test
    void theFilesAreWhatTheyClaim() throws IOException {
        assertThat(Files.size(huge)).as("a quarter of a megabyte").isLessThan(400_000);
        assertThat(Files.size(textBomb)).as("about a megabyte that inflates to a gigabyte").isBetween(500_000L, 2_000_000L);
    }

    @Test
    void plansAHugePhotoAsASubsampledCentreSquare() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(huge))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in, true, true);
            PhotoRenderer.Plan plan = PhotoRenderer.plan(reader);

            assertThat(plan.step()).isEqualTo(4);
            assertThat(plan.decodedSide()).isEqualTo(2000).isLessThanOrEqualTo(PhotoRenderer.DECODED_MAX);
            assertThat(plan.bytes()).as("the 2000 px square's 37 MB in all (two copies, a row's sums, the sizes' output in floats), instead of 256 MB for one full-size RGB copy alone")
                    .isEqualTo(2000L * 2000 * 8 + 2000L * 24 + (648L * 648 + 72 * 72 + 48 * 48) * 12).isLessThan(40L << 20);
        }
    }

    @Test
    void rendersAHugePhotoToTheRightColour() throws IOException {
        Renditions renditions = new PhotoRenderer(300).render(Files.readAllBytes(huge));

        BufferedImage large = ImageIO.read(new ByteArrayInputStream(renditions.large().jpeg()));
        assertThat(large.getWidth()).isEqualTo(300);
        Color centre = new Color(large.getRGB(150, 150));
        assertThat(Math.abs(centre.getRed() - 0x33) + Math.abs(centre.getGreen() - 0x66) + Math.abs(centre.getBlue() - 0xcc)).isLessThan(12);
    }

    @Test
    void dropsTextChunksAndLargeAncillaryChunksBeforeDecoding() throws IOException {
        byte[] bomb = Files.readAllBytes(textBomb);

        byte[] bounded = PngChunks.bounded(bomb);

        assertThat(bounded.length).isLessThan(200);
        assertThat(new String(bounded, StandardCharsets.ISO_8859_1)).doesNotContain("zTXt").contains("IHDR").contains("IDAT").contains("IEND");
        byte[] plain = Pngs.solid(4, 4, 0);
        assertThat(PngChunks.bounded(plain)).as("nothing to drop").isSameAs(plain);
    }

    @Test
    void eightHugePhotosAndTwoBombsAtOnceEndWithinASmallHeap() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SMALL_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                RenderUnderSmallHeap.class.getName()));
        for (int i = 0; i < 8; i++) {
            command.add(huge.toString());
        }
        command.add(textBomb.toString());
        command.add(profileBomb.toString());
        Process render = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(render.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(render.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("7999x7999.png rendered"))).hasSize(8);
        assertThat(output).contains("ztxt-bomb.png rendered").contains("iccp-bomb.png rendered");
    }

    @Test
    void aRenderLargerThanTheBudgetRunsAloneAndOthersWait() throws Exception {
        RenderBudget budget = new RenderBudget(10L << 20);
        try (RenderBudget.Lease whole = budget.acquire(50L << 20)) {
            assertThat(budget.available()).isZero();
            Thread waiting = new Thread(() -> budget.acquire(1L << 20).close());
            waiting.start();
            waiting.join(200);
            assertThat(waiting.isAlive()).as("waits while the large render holds the budget").isTrue();
            whole.close();
            waiting.join(2_000);
            assertThat(waiting.isAlive()).isFalse();
        }
        assertThat(budget.available()).isEqualTo(10L << 20);
    }
}
