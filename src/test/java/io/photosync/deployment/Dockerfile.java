package io.photosync.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code deployment/Dockerfile} declares: of its final stage the image, user, working directory,
 * port, environment and entrypoint; of its build stage the commands it runs after the package is built ({@code RUN}
 * lines from the first that runs {@code java}), which prepare what the final stage copies.
 */
public record Dockerfile(String runtimeImage, String user, String workingDirectory, int exposedPort, Map<String, String> environment,
                         List<String> entrypoint, List<String> preparation) {

    public static Dockerfile read(Path file) throws IOException {
        String image = null;
        String user = null;
        String workdir = null;
        int port = 0;
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> entrypoint = new ArrayList<>();
        List<String> preparation = new ArrayList<>();
        int stage = 0;
        for (String line : logicalLines(Files.readAllLines(file))) {
            String[] words = line.strip().split("\\s+", 2);
            if (words.length < 2) {
                continue;
            }
            switch (words[0]) {
                case "FROM" -> {
                    stage++;
                    image = words[1].split("\\s+")[0];
                    environment.clear();
                    user = null;
                    workdir = null;
                }
                case "USER" -> user = words[1].strip();
                case "WORKDIR" -> workdir = words[1].strip();
                case "RUN" -> {
                    if (stage == 1 && (!preparation.isEmpty() || words[1].matches("(cd \\S+ && )?java .*"))) {
                        preparation.add(words[1].strip());
                    }
                }
                case "EXPOSE" -> port = Integer.parseInt(words[1].strip());
                case "ENV" -> {
                    String[] pair = words[1].split("=", 2);
                    environment.put(pair[0].strip(), pair[1].strip());
                }
                case "ENTRYPOINT" -> {
                    entrypoint.clear();
                    for (String part : words[1].replaceAll("^\\[|\\]$", "").split(",")) {
                        entrypoint.add(part.strip().replaceAll("^\"|\"$", ""));
                    }
                }
                default -> {
                }
            }
        }
        return new Dockerfile(image, user, workdir, port, environment, entrypoint, List.copyOf(preparation));
    }

    /**
     * What the build stage does after {@code package}, done here to a packaged jar: its preparation
     * commands run in a copy of {@code /src} holding only {@code target/photosync.jar}, with this
     * JVM first on the path. Returns the directory the final stage copies to {@code /app}.
     */
    public Path prepare(Path jar, Path workingDirectory) throws IOException, InterruptedException {
        Path source = Files.createDirectories(workingDirectory.resolve("src"));
        Files.createDirectories(source.resolve("target"));
        Files.copy(jar, source.resolve("target/photosync.jar"));
        Path log = workingDirectory.resolve("build.log");
        for (String step : preparation) {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", step).directory(source.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("PHOTOSYNC_") || name.startsWith("SPRING_"));
            builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
            // The training start's simulated tenant on a free port: a build has the machine to itself, a test or benchmark does not.
            builder.environment().put("PHOTOSYNC_SANDBOX_PORT", "0");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the build stage's '" + step + "' failed: " + Files.readString(log));
            }
        }
        return source.resolve("target/app");
    }

    /** The file's instructions, a line ending in a backslash joined with the next as Docker does; comments left out. */
    private static List<String> logicalLines(List<String> lines) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            boolean continues = line.stripTrailing().endsWith("\\");
            current.append(continues ? line.stripTrailing().substring(0, line.stripTrailing().length() - 1) : line);
            if (!continues) {
                logical.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            logical.add(current.toString());
        }
        return logical;
    }
}
