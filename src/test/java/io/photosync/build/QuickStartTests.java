package io.photosync.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Quick start is what a fresh machine needs, no more and no less: checked against
 * what {@code .ci/run} installs on one before it calls the README's test command, and against
 * what the build does by itself.
 */
class QuickStartTests {

    private static final Pattern CODE_BLOCK = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern APT_INSTALL = Pattern.compile("(?:apt-get install|apt_install)\\s+(.*)");
    private static final Pattern NPM_BY_HAND = Pattern.compile("\\bnpm (ci|install|i)\\b");

    static String quickStart;
    static List<String> commands;
    static List<String> ci;

    @BeforeAll
    static void read() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Quick start");
        assertThat(start).as("the README has a Quick start").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        quickStart = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher block = CODE_BLOCK.matcher(quickStart);
        assertThat(block.find()).as("the Quick start shows its commands in a block").isTrue();
        commands = block.group(1).lines().map(QuickStartTests::withoutComment).filter(line -> !line.isEmpty()).toList();
        ci = Files.readAllLines(Path.of(".ci/run")).stream().map(QuickStartTests::withoutComment).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void showsTwoCommandsToRunAndToTestAndOneOptionalLineForTheBrowser() throws IOException {
        assertThat(commands).containsExactly("./mvnw spring-boot:run", "./mvnw -B verify", "sudo apt-get install chromium");
        assertThat(Files.readString(Path.of("README.md"))).containsPattern("sudo apt-get install chromium +# optional");
    }

    @Test
    void ciRunsTheReadmesTestCommandAndRequiresTheEndToEndSuite() {
        assertThat(ci).anyMatch(line -> line.startsWith("./mvnw -B verify") && line.contains("-De2e=required"));
    }

    @Test
    void namesEveryPackageCiInstallsOnAFreshMachine() {
        assertThat(packages(ci)).isNotEmpty().allSatisfy(name -> assertThat(quickStart)
                .as("the Quick start names %s, which .ci/run installs", name).containsAnyOf("`" + name + "`", "apt-get install " + name));
    }

    @Test
    void asksToInstallNothingCiDoesNotNeed() {
        assertThat(packages(commands)).isSubsetOf(packages(ci));
    }

    @Test
    void leavesTheNodePackagesToTheBuild() throws IOException {
        assertThat(ci).as(".ci/run").noneMatch(line -> NPM_BY_HAND.matcher(line).find());
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            Stream.concat(Stream.of(Path.of("README.md"), Path.of("teams-manifest/README.md")), docs.filter(file -> file.toString().endsWith(".md")))
                    .forEach(file -> assertThat(codeBlocks(read(file))).as("the commands %s gives", file)
                            .noneMatch(line -> NPM_BY_HAND.matcher(line).find()));
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(lockedFolders()).isNotEmpty().allSatisfy(folder -> assertThat(pom)
                .as("the build installs the packages %s pins", folder).contains("<argument>${project.basedir}/" + folder + "</argument>"));
    }

    private static List<String> codeBlocks(String markdown) {
        return CODE_BLOCK.matcher(markdown).results().flatMap(block -> block.group(1).lines()).toList();
    }

    /** Every folder of ours whose Node packages a lock file pins. */
    private static Set<String> lockedFolders() throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            files.filter(file -> file.getFileName().toString().equals("package-lock.json"))
                    .map(file -> Path.of(".").relativize(file.getParent()).toString().replace('\\', '/'))
                    .filter(folder -> !folder.contains("node_modules") && !folder.startsWith("target") && !folder.startsWith(".git"))
                    .forEach(folders::add);
        }
        return folders;
    }

    private static Set<String> packages(List<String> lines) {
        Set<String> packages = new TreeSet<>();
        for (String line : lines) {
            Matcher install = APT_INSTALL.matcher(line);
            if (install.find() && !line.contains("\"$@\"")) {
                Arrays.stream(install.group(1).trim().split("\\s+")).filter(word -> !word.startsWith("-")).forEach(packages::add);
            }
        }
        return packages;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
