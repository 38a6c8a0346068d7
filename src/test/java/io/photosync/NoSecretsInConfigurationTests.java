package io.photosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when a committed configuration file holds a literal secret, password, key or certificate. */
class NoSecretsInConfigurationTests {

    private static final Pattern SECRET_SETTING = Pattern.compile(
            "^\\s*[\\w.-]*(secret|password|passphrase|private-key|api-key|token)[\\w.-]*\\s*[=:]\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_MATERIAL = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----");

    @Test
    void configurationFilesHoldNoLiteralSecrets() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : configurationFiles()) {
            List<String> lines = Files.readAllLines(file);
            // Message bundles hold words people read ("Teams got no token"), not settings.
            boolean settings = !file.getFileName().toString().startsWith("messages");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                var setting = SECRET_SETTING.matcher(line);
                if (settings && !line.strip().startsWith("#") && setting.find() && !placeholderOrPath(line, setting.group(2))) {
                    findings.add(file + ":" + (i + 1) + " sets " + line.strip().split("[=:]")[0].strip() + " to a literal");
                }
                if (KEY_MATERIAL.matcher(line).find()) {
                    findings.add(file + ":" + (i + 1) + " holds key material");
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    /**
     * A {@code ${…}} placeholder, where a secret file is ({@code …_PATH}), which Secret object to
     * use (Kubernetes' {@code secretName}, {@code secretRef}), or a logger's level (a class named
     * after tokens): none of them is the secret itself.
     */
    private static boolean placeholderOrPath(String line, String value) {
        String name = line.strip().split("[=:]")[0].strip();
        return value.replaceAll("^[\"']", "").startsWith("${") || name.toUpperCase().endsWith("_PATH") || name.endsWith("-path")
                || name.endsWith("Name") || name.endsWith("Ref") || name.startsWith("logging.level.");
    }

    @Test
    void theCheckCatchesALiteralSecret() {
        assertThat(SECRET_SETTING.matcher("photosync.entra.client-secret=abc123").find()).isTrue();
        assertThat(SECRET_SETTING.matcher("PHOTOSYNC_ENTRA_CERTIFICATE_PASSWORD=hunter2").find()).isTrue();
        assertThat(placeholderOrPath("  token-key: \"s3cr3t\"", "\"s3cr3t\"")).isFalse();
        assertThat(placeholderOrPath("  token-key: \"${KEY}\"", "\"${KEY}\"")).isTrue();
        assertThat(placeholderOrPath("PHOTOSYNC_SSO_TOKEN_KEY_PATH=/run/secrets/key", "/run/secrets/key")).isTrue();
    }

    private static List<Path> configurationFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/main/resources", "deployment", "teams-manifest")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> !p.toString().contains("node_modules") && p.toString().matches(".*\\.(properties|ya?ml|env|json)$"))
                            .forEach(files::add);
                }
            }
        }
        Path example = Path.of(".env.example");
        if (Files.exists(example)) {
            files.add(example);
        }
        return files;
    }
}
