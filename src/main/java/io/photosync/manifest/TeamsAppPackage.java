package io.photosync.manifest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Builds the Teams app package: {@code teams-manifest/manifest.template.json} with the bot's app id,
 * the host it is reached at and the version filled in, its Norwegian localization, and the two
 * icons, as a directory and as {@code teams-app.zip} with every file at the root — what an admin
 * uploads in the Teams admin center or sideloads.
 *
 * <p>Run by the build ({@code ./mvnw package}), or by hand:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=io.photosync.manifest.TeamsAppPackage -Dexec.args="--app-id … --public-url https://…"};
 * without arguments it reads {@code PHOTOSYNC_BOT_APP_ID} and {@code PHOTOSYNC_BOT_PUBLIC_URL}.
 */
public final class TeamsAppPackage {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The sandbox's app id: a package built without settings is only good for trying the layout. */
    static final String PLACEHOLDER_APP_ID = "9d7c3b1e-5a8f-4c2d-b6e0-7f4a1c9e2d35";
    static final List<String> LOCALIZATIONS = List.of("nb-no.json");

    /**
     * @param appId the bot's Microsoft app id (= the Entra client id)
     * @param publicUrl where Teams and browsers reach the bot; its host goes into {@code validDomains}
     * @param version the app version, {@code major.minor.patch}
     */
    public record Settings(String appId, String publicUrl, String version) {

        public Settings {
            if (appId == null || !GUID.matcher(appId).matches()) {
                throw new IllegalArgumentException("the app id must be the bot's Microsoft app id (a GUID), not '" + appId + "'");
            }
            if (publicUrl == null || URI.create(publicUrl).getHost() == null) {
                throw new IllegalArgumentException("the public URL must be an absolute URL such as https://photosync.contoso.com, not '" + publicUrl + "'");
            }
            version = version.replaceAll("[-+].*$", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalArgumentException("the version must be major.minor.patch, not '" + version + "'");
            }
        }

        String host() {
            return URI.create(publicUrl).getHost();
        }
    }

    private TeamsAppPackage() {
    }

    public static void main(String[] arguments) {
        Map<String, String> options = options(arguments);
        Settings settings = new Settings(
                options.getOrDefault("app-id", envOr("PHOTOSYNC_BOT_APP_ID", PLACEHOLDER_APP_ID)),
                options.getOrDefault("public-url", envOr("PHOTOSYNC_BOT_PUBLIC_URL", "https://photosync.example.com")),
                options.getOrDefault("version", "0.1.0"));
        Path templates = Path.of(options.getOrDefault("templates", "teams-manifest"));
        Path out = Path.of(options.getOrDefault("out", "target/teams-app"));
        Path zip = build(settings, templates, out);
        System.out.println("Teams app package for " + settings.appId() + " at " + settings.host() + ": " + zip);
    }

    /** Writes the package into {@code out} and next to it as {@code out.zip}; returns the zip. */
    public static Path build(Settings settings, Path templates, Path out) {
        try {
            Files.createDirectories(out);
            String manifest = Files.readString(templates.resolve("manifest.template.json"), StandardCharsets.UTF_8)
                    .replace("{{APP_ID}}", settings.appId())
                    .replace("{{HOST}}", settings.host())
                    .replace("{{VERSION}}", settings.version());
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            for (String localization : LOCALIZATIONS) {
                files.put(localization, Files.readAllBytes(templates.resolve(localization)));
            }
            files.put("color.png", png(AppIcons.color()));
            files.put("outline.png", png(AppIcons.outline()));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(out.resolve(file.getKey()), file.getValue());
            }
            Path zip = out.resolveSibling(out.getFileName() + ".zip");
            try (OutputStream stream = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(stream)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    archive.putNextEntry(new ZipEntry(file.getKey()));
                    archive.write(file.getValue());
                    archive.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("the Teams app package could not be written to " + out, e);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            if (!arguments[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, found '" + arguments[i] + "'");
            }
            options.put(arguments[i].substring(2), arguments[i + 1]);
        }
        return options;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
