package io.photosync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The way to chat with the sandbox bot is said once in the start-up log and the same way in the docs. */
class PlaygroundHintTests {

    @Test
    void theReadmeAndTheEndToEndPageGiveTheCommandTheStartUpLogPrints() throws Exception {
        String command = SandboxConfiguration.playgroundCommand("3978");

        assertThat(Files.readString(Path.of("README.md"))).contains("cd src/e2e\n" + command + "\n");
        assertThat(Files.readString(Path.of("docs/e2e.md"))).contains("cd src/e2e\n" + command + "\n");
    }

    @Test
    void theHintNamesThePlaygroundVersionTheEndToEndSuitePins() throws Exception {
        String pinned = new ObjectMapper().readTree(Path.of("src/e2e/package.json").toFile())
                .path("dependencies").path("@microsoft/m365agentsplayground").asText();

        assertThat(SandboxConfiguration.PLAYGROUND).isEqualTo("@microsoft/m365agentsplayground@" + pinned);
    }
}
