package io.photosync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
