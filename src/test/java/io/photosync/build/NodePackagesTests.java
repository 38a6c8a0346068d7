package io.photosync.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePackagesTests {

    @TempDir
    Path folder;

    @Test
    void installsWhenNodeModulesIsMissingOrFromAnotherLockFile() throws Exception {
        Files.writeString(folder.resolve("package-lock.json"), "{\"lockfileVersion\": 3}");
        assertThat(NodePackages.upToDate(folder)).as("no node_modules").isFalse();

        Files.createDirectories(folder.resolve("node_modules"));
        assertThat(NodePackages.upToDate(folder)).as("node_modules installed by hand, not from this lock file as far as we know").isFalse();

        Files.writeString(folder.resolve("node_modules").resolve(NodePackages.STAMP), NodePackages.digest(folder.resolve("package-lock.json")));
        assertThat(NodePackages.upToDate(folder)).as("installed from this lock file").isTrue();

        Files.writeString(folder.resolve("package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {}}");
        assertThat(NodePackages.upToDate(folder)).as("the lock file changed since").isFalse();
    }

    @Test
    void acceptsOnlyANodeThatLoadsMicrosoftsManifestPackage() {
        assertThat(NodePackages.recentEnough("v20.20.2")).isTrue();
        assertThat(NodePackages.recentEnough("v20.19.0")).isTrue();
        assertThat(NodePackages.recentEnough("v22.1.0")).isTrue();
        assertThat(NodePackages.recentEnough("v20.18.3")).as("require() of ES modules is flagged before 20.19").isFalse();
        assertThat(NodePackages.recentEnough("v18.20.4")).as("Debian 12's own").isFalse();
        assertThat(NodePackages.recentEnough("command not found")).isFalse();
    }

    @Test
    void saysInOneLineWhatToInstallWhenNodeIsMissing() {
        assertThatThrownBy(() -> NodePackages.requireNode("photosync-no-such-node"))
                .hasMessage("Node.js is not installed: " + NodePackages.INSTALL_NODE)
                .hasMessageContaining("sudo apt-get install nodejs npm")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAFolderWithoutALockFile() {
        assertThatThrownBy(() -> NodePackages.install(folder)).hasMessageContaining("package-lock.json is missing");
    }
}
