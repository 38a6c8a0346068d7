package io.photosync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md, checked on the compiled main classes. */
class ModularityTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.photosync");

    @Test
    void syncCoreKnowsNothingOfTeamsHttpOrMicrosoftSdks() {
        noClasses().that().resideInAPackage("io.photosync.sync..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "com.microsoft.bot..", "com.microsoft.aad.msal4j..", "com.microsoft.graph..", "com.microsoft.kiota..",
                        "okhttp3..", "java.net.http..", "org.apache.hc..",
                        "io.photosync.bot..", "io.photosync.graph..", "io.photosync.sharepoint..", "io.photosync.identity..",
                        "io.photosync.sandbox..")
                .because("sync/ speaks in plain types and reaches the outside only through its own ports")
                .check(MAIN);
    }

    @Test
    void botKnowsNothingOfSharePointOrGraph() {
        noClasses().that().resideInAPackage("io.photosync.bot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.photosync.sharepoint..", "io.photosync.graph..", "com.microsoft.graph..")
                .because("bot/ turns activities into requests and outcomes into cards")
                .check(MAIN);
    }

    @Test
    void jobsKnowNothingOfTeams() {
        noClasses().that().resideInAPackage("io.photosync.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.photosync.bot..", "com.microsoft.bot..",
                        "io.photosync.sharepoint..", "io.photosync.graph..")
                .because("jobs/ runs syncs and reports outcomes to listeners; the bot decides what Teams sees")
                .check(MAIN);
    }

    @Test
    void onlyTheSandboxKnowsTheSimulatedTenant() {
        noClasses().that().resideOutsideOfPackage("io.photosync.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("io.photosync.sandbox..")
                .because("production code must run the same with or without the simulated tenant")
                .check(MAIN);
    }

    @Test
    void msalStaysBehindTheTokenProvider() {
        noClasses().that().resideOutsideOfPackage("io.photosync.identity..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.aad.msal4j..")
                .check(MAIN);
    }

    @Test
    void modulesDependOnEachOtherWithoutCircles() {
        slices().matching("io.photosync.(*)..").should().beFreeOfCycles()
                .because("each module can be read, tested and changed from its own imports downwards")
                .check(MAIN);
    }

    @Test
    void nothingButTheTeamsEdgeSeesTheTeamsEdge() {
        noClasses().that().resideOutsideOfPackage("io.photosync.bot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.photosync.bot..", "com.microsoft.bot..")
                .because("cards, activities and the Bot Framework SDK are bot/'s; the capabilities answer in values")
                .check(MAIN);
    }

    @Test
    void onlyTheTeamsEdgeLinksToTheBrowserPages() {
        noClasses().that().resideOutsideOfPackages("io.photosync.bot..", "io.photosync.web..")
                .should().dependOnClassesThat().resideInAPackage("io.photosync.web..")
                .because("web/ serves people in a browser; only a card links there")
                .check(MAIN);
    }

    @Test
    void adaptersNeverReachUpToTheirCallers() {
        noClasses().that().resideInAnyPackage("io.photosync.graph..", "io.photosync.sharepoint..", "io.photosync.identity..", "io.photosync.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.photosync.bot..", "io.photosync.web..", "io.photosync.jobs..",
                        "io.photosync.nudge..", "io.photosync.helpdesk..", "io.photosync.preflight..")
                .because("Graph, SharePoint and Entra adapters implement the ports sync/, scan/ and doctor/ declare; they never decide what happens next")
                .check(MAIN);
    }

    @Test
    void onlyTheJobsModuleSeesTheScheduler() {
        noClasses().that().resideOutsideOfPackage("io.photosync.jobs..")
                .should().dependOnClassesThat().resideInAPackage("com.github.kagkarlsson..")
                .because("every durable task is made by jobs/DurableTasks, with the same retry, revival and correlation")
                .check(MAIN);
    }

    @Test
    void capabilitiesSpeakThroughPortsNotAdapters() {
        noClasses().that().resideInAnyPackage("io.photosync.scan..", "io.photosync.nudge..", "io.photosync.doctor..", "io.photosync.helpdesk..",
                        "io.photosync.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.photosync.graph..", "io.photosync.sharepoint..", "com.microsoft.graph..",
                        "okhttp3..", "com.microsoft.aad.msal4j..")
                .because("scans, nudges, the doctor and the helpdesk use sync/'s ports, so the simulated tenant and a fake serve them alike")
                .check(MAIN);
    }

    /** A class a newcomer can read whole: the house's classes stay near 250 lines (300 is the line drawn). */
    @Test
    void noProductionClassGrowsPastThreeHundredLines() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> large = sources.filter(path -> path.toString().endsWith(".java")).filter(path -> lines(path) > 300)
                    .map(path -> path + " (" + lines(path) + " lines)").toList();
            assertThat(large).as("split these by what they do").isEmpty();
        }
    }

    private static long lines(Path path) {
        try (Stream<String> lines = Files.lines(path)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
