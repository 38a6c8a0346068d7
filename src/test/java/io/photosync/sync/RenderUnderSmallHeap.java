package io.photosync.sync;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Run in a JVM of its own with a small heap (PhotoRendererMemoryTests): renders every file named
 * at once, as a group run's workers would, and prints one line each ("rendered" or "rejected
 * REASON") and the heap's peak; an OutOfMemoryError escapes as a non-zero exit.
 */
public final class RenderUnderSmallHeap {

    private RenderUnderSmallHeap() {
    }

    public static void main(String[] files) throws Exception {
        PhotoRenderer renderer = new PhotoRenderer(300);
        ExecutorService workers = Executors.newFixedThreadPool(files.length);
        List<Future<String>> results = new ArrayList<>();
        for (String file : files) {
            byte[] photo = Files.readAllBytes(Path.of(file));
            results.add(workers.submit(() -> {
                try {
                    renderer.render(photo);
                    return "rendered";
                } catch (PhotoRejected rejected) {
                    return "rejected " + rejected.reason();
                }
            }));
        }
        for (int i = 0; i < files.length; i++) {
            System.out.println(Path.of(files[i]).getFileName() + " " + results.get(i).get());
        }
        workers.shutdown();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peak heap " + peak / (1024 * 1024) + " MB of " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
