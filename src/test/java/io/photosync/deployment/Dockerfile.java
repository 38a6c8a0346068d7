package io.photosync.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the final stage of {@code deployment/Dockerfile} declares: image, user, port, environment, entrypoint. */
record Dockerfile(String runtimeImage, String user, int exposedPort, Map<String, String> environment, List<String> entrypoint) {

    static Dockerfile read(Path file) throws IOException {
        String image = null;
        String user = null;
        int port = 0;
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> entrypoint = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] words = line.strip().split("\\s+", 2);
            if (words.length < 2) {
                continue;
            }
            switch (words[0]) {
                case "FROM" -> {
                    image = words[1].split("\\s+")[0];
                    environment.clear();
                    user = null;
                }
                case "USER" -> user = words[1].strip();
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
        return new Dockerfile(image, user, port, environment, entrypoint);
    }
}
