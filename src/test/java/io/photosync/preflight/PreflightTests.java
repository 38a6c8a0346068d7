package io.photosync.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.photosync.PhotoSyncApplication;
import io.photosync.graph.GraphProperties;
import io.photosync.identity.EntraProperties;
import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sandbox.TenantOptions;
import io.photosync.sharepoint.SharePointProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preflight check against a simulated tenant: all ✔ when set up right, one ✘ line per mistake. */
class PreflightTests {

    @TempDir
    static Path secrets;
    static SimulatedTenant tenant;
    static Path tlsCertificate;

    @BeforeAll
    static void start() {
        tenant = SimulatedTenant.start(TenantOptions.defaults());
        tlsCertificate = tenant.writeTlsCertificate(secrets);
    }

    @AfterAll
    static void stop() {
        tenant.close();
    }

    @Test
    void everyCheckPassesOnAGoodSetupAndTheWriteRoundTripWorks() {
        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[] {"--user", "adelev@" + Personas.DOMAIN, "--write"}, settings(newApp()));

        assertThat(report.lines()).extracting(PreflightReport.Line::render).as(report.toString())
                .allMatch(line -> line.startsWith("✔"))
                .anyMatch(line -> line.startsWith("✔ token for Microsoft Graph"))
                .anyMatch(line -> line.startsWith("✔ token for SharePoint My Site host"))
                .anyMatch(line -> line.startsWith("✔ token for SharePoint admin host"))
                .anyMatch(line -> line.startsWith("✔ token for Bot Connector"))
                .anyMatch(line -> line.startsWith("✔ test user: Adele Vance"))
                .anyMatch(line -> line.equals("✔ helpdesk new photos: application ProfilePhoto.ReadWrite.All granted: operators can set a colleague's photo"))
                .anyMatch(line -> line.startsWith("✔ write and read back: PictureURL"))
                .anyMatch(line -> line.startsWith("✔ Microsoft endpoints: Entra ID (OAuth 2.0 and OpenID Connect): localhost")
                        && line.contains("Microsoft Graph (REST)") && line.contains("SharePoint (REST)")
                        && line.endsWith("nothing else: no Exchange Web Services, no Exchange PowerShell"));
        assertThat(report.exitCode()).isZero();
        assertThat(tenant.sharePoint().profileProperty("adelev@" + Personas.DOMAIN, "SPS-PicturePlaceholderState")).hasValue("0");
    }

    @Test
    void recordsEveryProbeWithoutATokenAnIdANameOrAPhotoByte() throws Exception {
        String clientId = newApp();
        Path file = secrets.resolve("recording-" + clientId + ".json");
        String adele = "adelev@" + Personas.DOMAIN;

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[] {"--user", adele, "--write", "--record", file.toString()},
                settings(clientId));

        assertThat(report.lines()).extracting(PreflightReport.Line::render).contains("✔ recording: 9 probes written to " + file
                + " (tokens, ids, names and photo bytes removed): attach it to an issue");
        String text = Files.readString(file);
        JsonNode recording = new ObjectMapper().readTree(text);
        assertThat(recording.path("probes")).extracting(probe -> probe.path("behaviour").asText())
                .containsExactly(Arrays.stream(PreflightRecorder.Probe.values()).map(probe -> probe.behaviour).toArray(String[]::new));
        JsonNode byBehaviour = recording.path("probes");
        assertThat(byBehaviour.get(0).at("/response/status").asInt()).isEqualTo(200);
        assertThat(byBehaviour.get(0).at("/response/body/UserProfileProperties")).isNotEmpty();
        assertThat(byBehaviour.get(2).at("/response/body/bytes").asInt()).as("the photo: counted, not kept").isPositive();
        assertThat(byBehaviour.get(3).at("/response/status").asInt()).isEqualTo(200);
        assertThat(byBehaviour.get(4).path("sameEtag").asBoolean()).isTrue();
        assertThat(byBehaviour.get(7).at("/after/response/status").asInt()).isEqualTo(200);
        assertThat(byBehaviour.get(6).path("skipped").asText()).contains("running service");

        Personas.Persona person = Personas.byId(Personas.ADELE);
        assertThat(text).doesNotContainIgnoringCase("adele").doesNotContainIgnoringCase("vance").doesNotContain("Retail")
                .doesNotContain(Personas.ADELE).doesNotContain(tenant.tenantId()).doesNotContain(clientId)
                .doesNotContain("eyJ").doesNotContain("/9j/").doesNotContain("Bearer ");
        assertThat(text).doesNotContainPattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        assertThat(text).as("no photo bytes, raw or base64").doesNotContain(new String(Arrays.copyOfRange(person.photo(), 0, 16), StandardCharsets.ISO_8859_1))
                .doesNotContain(Base64.getEncoder().encodeToString(Arrays.copyOfRange(person.photo(), 0, 12)));
        assertThat(text).contains("<user upn>").contains("<redacted>");
    }

    @Test
    void aSecretInsteadOfACertificateIsNamed() {
        String clientId = UUID.randomUUID().toString();
        tenant.registerAppWithNewCertificate(clientId, "s3cret-for-graph", secrets);
        List<String> settings = new ArrayList<>(settings(clientId, null));
        settings.add("--photosync.entra.client-secret=s3cret-for-graph");

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings.toArray(String[]::new));

        assertThat(failures(report)).contains("✘ SharePoint credential: SharePoint app-only needs a certificate, not a secret: "
                + "upload a certificate to the app registration and set PHOTOSYNC_ENTRA_CERTIFICATE_PATH");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    /** Setting a colleague's photo is optional: without its permission the line says so and passes. */
    @Test
    void theOptionalPermissionForOperatorsNewPhotosIsNamedWhenMissing() {
        String clientId = newApp();
        tenant.revoke(clientId, Api.GRAPH, "ProfilePhoto.ReadWrite.All");

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings(clientId));

        assertThat(report.lines()).extracting(PreflightReport.Line::render)
                .contains("✔ helpdesk new photos: optional, not granted: operators cannot set a colleague's photo (\"set photo for\"); "
                        + "grant Microsoft Graph application permission ProfilePhoto.ReadWrite.All to allow it");
        assertThat(failures(report)).isEmpty();

        PreflightReport approving = PreflightCommand.run(PhotoSyncApplication.class, new String[0],
                Stream.concat(Stream.of(settings(clientId)), Stream.of("--photosync.photo.approval=" + UUID.randomUUID())).toArray(String[]::new));
        assertThat(failures(approving)).containsExactly("✘ helpdesk new photos: PHOTOSYNC_PHOTO_APPROVAL is set, and approved photos are written "
                + "with PhotoSync's own permission: grant Microsoft Graph application permission ProfilePhoto.ReadWrite.All and consent");
    }

    /** Least privilege reads profiles only: without SharePoint's write permissions on the My Site host, nothing is missing. */
    @Test
    void leastPrivilegeNeedsNoSharePointWritePermission() {
        String clientId = newApp();
        tenant.revoke(clientId, Api.SHAREPOINT_MY, "Sites.FullControl.All");
        tenant.revoke(clientId, Api.SHAREPOINT_MY, "User.ReadWrite.All");

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0],
                Stream.concat(Stream.of(settings(clientId)), Stream.of("--photosync.sync.mode=native-trigger")).toArray(String[]::new));

        assertThat(failures(report)).isEmpty();
        assertThat(report.lines()).extracting(PreflightReport.Line::render)
                .anyMatch(line -> line.startsWith("✔ SharePoint writes: least privilege (mode native-trigger): nothing is written to SharePoint"));
    }

    @Test
    void aMissingSharePointPermissionIsNamed() {
        String clientId = newApp();
        tenant.revoke(clientId, Api.SHAREPOINT_ADMIN, "User.ReadWrite.All");

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings(clientId));

        assertThat(failures(report)).containsExactly("✘ token for SharePoint admin host: grant SharePoint application permission User.ReadWrite.All and consent");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void aTenantThatRefusesAppOnlyProfileWritesIsFoundBeforeAnyoneSyncs() {
        tenant.sharePoint().refuseAppOnlyProfileWrites(true);
        try {
            PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[] {"--user", "adelev@" + Personas.DOMAIN, "--write"},
                    settings(newApp()));

            assertThat(failures(report)).singleElement().asString()
                    .startsWith("✘ write and read back: SetSingleValueProfileProperty on " + tenant.sharePointHost(Api.SHAREPOINT_ADMIN).replaceFirst("^https?://", "")
                            + " answered 403 Access denied.")
                    .contains("grant SharePoint application permission User.ReadWrite.All and consent")
                    .contains("PHOTOSYNC_SYNC_SELF_MODE=delegated");
            assertThat(report.exitCode()).isEqualTo(1);
        } finally {
            tenant.sharePoint().refuseAppOnlyProfileWrites(false);
        }
    }

    @Test
    void missingGraphPermissionsAreNamed() {
        String clientId = newApp();
        tenant.revoke(clientId, Api.GRAPH, "User.Read.All");
        tenant.revoke(clientId, Api.GRAPH, "ProfilePhoto.Read.All");

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings(clientId));

        assertThat(failures(report)).containsExactly(
                "✘ token for Microsoft Graph: grant Microsoft Graph application permission User.Read.All, ProfilePhoto.Read.All and consent");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void aWrongTenantIsNamed() {
        String clientId = newApp();
        List<String> settings = new ArrayList<>(List.of(settings(clientId)));
        String wrongTenant = UUID.randomUUID().toString();
        settings.removeIf(setting -> setting.startsWith("--photosync.entra.tenant-id="));
        settings.add("--photosync.entra.tenant-id=" + wrongTenant);

        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings.toArray(String[]::new));

        assertThat(failures(report)).first().asString().isEqualTo("✘ token for Microsoft Graph: Entra ID knows no tenant " + wrongTenant
                + ": check PHOTOSYNC_ENTRA_TENANT_ID");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void anUnknownTestUserIsNamed() {
        PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[] {"--user", "nobody@" + Personas.DOMAIN}, settings(newApp()));

        assertThat(failures(report)).containsExactly("✘ test user: no user nobody@" + Personas.DOMAIN
                + " in the directory: give the UPN of an existing member");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingSsoKeyIsNamedUnlessSsoIsOff() {
        String clientId = newApp();
        List<String> withoutKey = new ArrayList<>(List.of(settings(clientId)));
        withoutKey.removeIf(setting -> setting.startsWith("--photosync.sso.token-key="));

        assertThat(failures(PreflightCommand.run(PhotoSyncApplication.class, new String[0], withoutKey.toArray(String[]::new)))).singleElement().asString()
                .startsWith("✘ Teams SSO: set PHOTOSYNC_SSO_TOKEN_KEY_PATH");
        withoutKey.add("--photosync.sync.self-mode=app-only");
        assertThat(failures(PreflightCommand.run(PhotoSyncApplication.class, new String[0], withoutKey.toArray(String[]::new)))).isEmpty();
    }

    private static List<String> failures(PreflightReport report) {
        return report.lines().stream().filter(line -> !line.ok()).map(PreflightReport.Line::render).toList();
    }

    private static String newApp() {
        String clientId = UUID.randomUUID().toString();
        tenant.registerAppWithNewCertificate(clientId, null, secrets);
        return clientId;
    }

    private static String[] settings(String clientId) {
        return settings(clientId, secrets.resolve("app-" + clientId + ".pem").toString()).toArray(String[]::new);
    }

    private static List<String> settings(String clientId, String certificatePath) {
        List<String> settings = new ArrayList<>(List.of(
                "--photosync.entra.tenant-id=" + tenant.tenantId(),
                "--photosync.entra.client-id=" + clientId,
                "--photosync.entra.authority-host=" + tenant.baseUrl(),
                "--photosync.entra.instance-discovery=false",
                "--photosync.graph.base-url=" + tenant.graphBaseUrl(),
                "--photosync.sharepoint.my-site-host=" + tenant.sharePointHost(Api.SHAREPOINT_MY),
                "--photosync.sharepoint.admin-host=" + tenant.sharePointHost(Api.SHAREPOINT_ADMIN),
                "--photosync.http.trusted-certificate-path=" + tlsCertificate,
                "--photosync.sso.token-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "--spring.datasource.url=jdbc:h2:mem:preflight-" + UUID.randomUUID()));
        if (certificatePath != null) {
            settings.add("--photosync.entra.certificate-path=" + certificatePath);
        }
        return settings;
    }

    /** The delegated photo permission shows only in a signed-in person's token: its scp is read, and a missing one is named. */
    @Test
    void theDelegatedPermissionForNewPhotosIsReadFromASignedInPersonsToken() {
        PreflightChecks.Settings nothingConfigured = new PreflightChecks.Settings(
                new EntraProperties(null, null, "https://login.microsoftonline.com", true, null, null, null), null, null, null, "delegated", false, "auto");
        Function<String, Optional<String>> tokens = objectId -> Optional.of(new PlainJWT(new JWTClaimsSet.Builder()
                .claim("scp", objectId.equals("consented") ? "User.Read ProfilePhoto.ReadWrite.All" : "User.Read").build()).serialize());
        MicrosoftEndpoints endpoints = new MicrosoftEndpoints(nothingConfigured.entra(), new GraphProperties("https://graph.microsoft.com/v1.0", "648x648"),
                new SharePointProperties("https://contoso-my.sharepoint.com", "https://contoso-admin.sharepoint.com", "User Photos", "Profile Pictures",
                        "Contoso", 3, Duration.ofSeconds(30), 1200, "", List.of()), "", List.of("smba.trafficmanager.net"),
                "https://api.botframework.com/.default");
        PreflightChecks checks = new PreflightChecks(endpoints, nothingConfigured, () -> null, new PreflightChecks.TestUser(null, null, null, null, tokens));

        assertThat(line(checks.check(null, false, "consented"))).isEqualTo("✔ new photos from Teams: delegated ProfilePhoto.ReadWrite.All consented: people can set their own photo");
        assertThat(line(checks.check(null, false, "not-consented"))).startsWith("✘ new photos from Teams: grant Microsoft Graph delegated permission ProfilePhoto.ReadWrite.All");
        assertThat(line(checks.check(null, false, null))).startsWith("✔ new photos from Teams: delegated ProfilePhoto.ReadWrite.All not checked here");
    }

    private static String line(PreflightReport report) {
        return report.lines().stream().map(PreflightReport.Line::render).filter(line -> line.contains("new photos from Teams")).findFirst().orElseThrow();
    }
}
