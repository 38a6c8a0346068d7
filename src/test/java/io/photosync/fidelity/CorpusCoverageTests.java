package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every answer in {@code ../shared/microsoft-responses} is read by a test here, or listed below as
 * not yet read (docs/fidelity.md says which and why); a file in neither place fails the build, and
 * so does a listed file a test has started to read, so the list only shrinks.
 */
class CorpusCoverageTests {

    /** Corpus files no conformance test reads yet (issue #15, in progress). */
    private static final Set<String> NOT_YET_READ = Set.of(
            "sp-401-app-only-token.json", "sp-403-access-denied.json", "sp-404-plaintext.json",
            "sp-files-addusingpath-200.json", "sp-getmyproperties-200.json", "sp-setmyprofilepicture-400.json");

    @Test
    void everyCorpusFileIsReadByAConformanceTestOrListedAsNotYet() throws IOException {
        String tests = conformanceTests();
        List<String> corpus = Corpus.names();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(42);

        List<String> unread = corpus.stream().filter(name -> !tests.contains('"' + name + '"')).toList();
        List<String> readButListed = corpus.stream().filter(name -> tests.contains('"' + name + '"') && NOT_YET_READ.contains(name)).toList();

        assertThat(unread).as("corpus files no test reads").containsExactlyInAnyOrderElementsOf(NOT_YET_READ);
        assertThat(readButListed).as("read now: take them off NOT_YET_READ").isEmpty();
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
