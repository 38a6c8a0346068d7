package io.photosync.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end suite on a machine without Chromium, as {@code src/e2e/run.mjs} decides it:
 * not run and said so (and said again at the end of the build) where it is optional, a failed
 * build where it is required.
 */
class EndToEndSkipTests {

    @TempDir
    Path folder;

    @Test
    void withoutABrowserALocalBuildPassesAndSaysWhatDidNotRunTwice() throws Exception {
        Result result = run(Map.of(), "auto");

        assertThat(result.exit()).isZero();
        assertThat(result.output()).contains("END-TO-END SUITE NOT RUN: there is no Chromium at " + folder.resolve("no-chromium"))
                .contains("sudo apt-get install chromium");
        assertThat(repeatedAtTheEnd()).contains("END-TO-END SUITE NOT RUN");
    }

    @Test
    void withoutABrowserABuildThatRequiresTheSuiteFails() throws Exception {
        Result required = run(Map.of(), "required");
        Result onCi = run(Map.of("CI", "true"), "auto");

        assertThat(required.exit()).isNotZero();
        assertThat(onCi.exit()).isNotZero();
        assertThat(onCi.output()).contains("END-TO-END SUITE NOT RUN").contains("This build requires the suite");
        assertThat(repeatedAtTheEnd()).as("a failed build has no notice left for its end").isEmpty();
    }

    record Result(int exit, String output) {
    }

    private Result run(Map<String, String> environment, String browser) throws Exception {
        Path jar = Files.writeString(folder.resolve("photosync.jar"), "not started: the browser is checked first");
        ProcessBuilder node = new ProcessBuilder("node", "run.mjs", "--jar", jar.toString(), "--out", folder.resolve("e2e").toString(),
                "--browser", browser).directory(Path.of("src", "e2e").toFile()).redirectErrorStream(true);
        node.environment().remove("CI");
        node.environment().put("PHOTOSYNC_E2E_CHROMIUM", folder.resolve("no-chromium").toString());
        node.environment().putAll(environment);
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** What EndToEndNotice, the build's last step, prints. */
    private String repeatedAtTheEnd() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            EndToEndNotice.main(new String[] {folder.resolve("e2e").toString()});
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).strip();
    }
}
