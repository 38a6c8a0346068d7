package io.photosync.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says again, as the last step of {@code verify}, that the end-to-end suite did not run on this
 * machine (no Chromium): {@code src/e2e/run.mjs} leaves its notice behind for this, and removes
 * it whenever it runs, so a notice never outlives the build that wrote it.
 */
public final class EndToEndNotice {

    private EndToEndNotice() {
    }

    public static void main(String[] arguments) throws IOException {
        Path notice = Path.of(arguments[0]).resolve("not-run.txt");
        if (Files.isRegularFile(notice)) {
            System.out.println();
            System.out.print(Files.readString(notice, StandardCharsets.UTF_8));
            System.out.println();
        }
    }
}
