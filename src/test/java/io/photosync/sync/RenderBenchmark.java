package io.photosync.sync;

import io.photosync.sandbox.Personas;
import java.util.Locale;

/** Image pipeline throughput: one 648x648 JPEG to the three renditions, on one thread (= one core). */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    /** Photos per second per core, after warming up. */
    public static String run(int seconds) {
        PhotoRenderer renderer = new PhotoRenderer(300);
        byte[] photo = Personas.byId(Personas.ADELE).photo();
        long warmUpEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            renderer.render(photo);
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int photos = 0;
        long bytes = 0;
        while (System.nanoTime() < end) {
            bytes += renderer.render(photo).medium().jpeg().length;
            photos++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "image pipeline: %d photos (648x648 JPEG, %d bytes -> 48/72/300) in %.1f s on 1 thread = %.0f photos/s per core (target >= 100); medium rendition %d bytes",
                photos, photo.length, elapsed, photos / elapsed, bytes / Math.max(1, photos));
    }
}
