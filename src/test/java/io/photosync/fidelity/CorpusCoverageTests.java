package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every answer in {@code ../shared/microsoft-responses} is read by a conformance test: a new file without one fails the build. */
class CorpusCoverageTests {

    @Test
    void everyCorpusFileIsReadByAConformanceTest() throws IOException {
        String tests = conformanceTests();
        List<String> corpus = Corpus.names();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(42);

        assertThat(corpus).as("corpus files no conformance test reads").allMatch(name -> tests.contains('"' + name + '"'));
    }

    /** The sources of the conformance tests, this one left out (it names the files it lists). */
    private static String conformanceTests() throws IOException {
        Path folder = Path.of("src/test/java/io/photosync/fidelity");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().equals("CorpusCoverageTests.java"))
                    .map(CorpusCoverageTests::read).collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
