package io.photosync.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Teams app package as an admin uploads it, checked by Microsoft's own manifest schemas
 * (npm {@code @microsoft/app-manifest}, offline; {@code .ci/run} installs it with
 * {@code npm ci --prefix teams-manifest}).
 */
class TeamsAppPackageTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_ID = "3e9a1f0c-6b2d-4d7e-8a15-c4f2e7b9d061";
    private static final Path TEMPLATES = Path.of("teams-manifest");

    @TempDir
    static Path work;
    static Path zip;
    static Path directory;

    @BeforeAll
    static void build() {
        directory = work.resolve("teams-app");
        zip = TeamsAppPackage.build(new TeamsAppPackage.Settings(APP_ID, "https://photosync.contoso.com", "1.4.2-SNAPSHOT"), TEMPLATES, directory);
    }

    @Test
    void putsTheManifestItsTranslationAndBothIconsAtTheRootOfTheZip() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }

        assertThat(entries).containsExactlyInAnyOrder("manifest.json", "nb-no.json", "color.png", "outline.png");
    }

    @Test
    void fillsTheAppIdHostAndVersionEverywhereTheyBelong() throws IOException {
        JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());

        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("version").asText()).isEqualTo("1.4.2");
        assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("bots").get(0).path("scopes").toString()).isEqualTo("[\"personal\"]");
        assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("webApplicationInfo").path("resource").asText()).isEqualTo("api://botid-" + APP_ID);
        assertThat(manifest.path("validDomains").toString()).isEqualTo("[\"photosync.contoso.com\"]");
        assertThat(Files.readString(directory.resolve("manifest.json"))).doesNotContain("{{");
    }

    @Test
    void drawsA192ColourIconAndA32WhiteOnTransparentOutline() throws IOException {
        BufferedImage color = ImageIO.read(directory.resolve("color.png").toFile());
        BufferedImage outline = ImageIO.read(directory.resolve("outline.png").toFile());

        assertThat(color.getWidth()).isEqualTo(192).isEqualTo(color.getHeight());
        assertThat(outline.getWidth()).isEqualTo(32).isEqualTo(outline.getHeight());
        int transparent = 0;
        int white = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
                    white++;
                }
            }
        }
        assertThat(transparent).as("transparent background").isGreaterThan(512);
        assertThat(white).as("a visible mark").isGreaterThan(60);
        assertThat(color.getRGB(96, 20) >>> 24).as("the colour icon is opaque inside").isEqualTo(255);
    }

    @Test
    void passesMicrosoftsManifestSchema() throws Exception {
        Validation result = validate(directory);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("valid Teams manifest 1.24");
    }

    @Test
    void theSchemaCheckFailsABrokenManifestAndABrokenTranslation() throws Exception {
        Path broken = work.resolve("broken");
        TeamsAppPackage.build(new TeamsAppPackage.Settings(APP_ID, "https://photosync.contoso.com", "1.0.0"), TEMPLATES, broken);
        ObjectNode manifest = (ObjectNode) JSON.readTree(broken.resolve("manifest.json").toFile());
        manifest.remove("icons");
        ((ObjectNode) manifest.path("bots").get(0)).putArray("scopes").add("everywhere");
        Files.writeString(broken.resolve("manifest.json"), manifest.toString());
        ObjectNode norwegian = (ObjectNode) JSON.readTree(broken.resolve("nb-no.json").toFile());
        norwegian.put("description.short", "x".repeat(81));
        Files.writeString(broken.resolve("nb-no.json"), norwegian.toString());

        Validation result = validate(broken);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("must have required property 'icons'").contains("/bots/0/scopes/0")
                .contains("nb-no.json: /description.short must NOT have more than 80 characters");
    }

    @Test
    void refusesSettingsTeamsWouldReject() {
        assertThatThrownBy(() -> new TeamsAppPackage.Settings("not-a-guid", "https://x.contoso.com", "1.0.0")).hasMessageContaining("GUID");
        assertThatThrownBy(() -> new TeamsAppPackage.Settings(APP_ID, "photosync", "1.0.0")).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> new TeamsAppPackage.Settings(APP_ID, "https://x.contoso.com", "1.0")).hasMessageContaining("major.minor.patch");
    }

    record Validation(int exitCode, String output) {
    }

    /** Runs teams-manifest/validate.mjs; fails (never skips) when Node or its packages are missing. */
    static Validation validate(Path packageDirectory) throws Exception {
        assertThat(TEMPLATES.resolve("node_modules/@microsoft/app-manifest")).as(
                "the manifest validator's packages are installed (./mvnw verify runs npm ci in teams-manifest before the tests)").isDirectory();
        Process node;
        try {
            node = new ProcessBuilder("node", TEMPLATES.resolve("validate.mjs").toString(), packageDirectory.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js 20.19+ is needed to validate the Teams manifest: " + e.getMessage(), e);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the validator finished").isTrue();
        return new Validation(node.exitValue(), output);
    }
}
