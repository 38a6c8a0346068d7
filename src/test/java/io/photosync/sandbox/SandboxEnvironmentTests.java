package io.photosync.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.PhotoSyncApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A deployment that lost its tenant id must stop, not come up anonymous against the simulated tenant. */
class SandboxEnvironmentTests {

    @Test
    void theProductionProfileRefusesToStartWithoutATenant() {
        assertThatThrownBy(() -> application().profiles("production").run("--photosync.entra.tenant-id=", "--photosync.bot.app-id="))
                .hasMessageContaining("PHOTOSYNC_ENTRA_TENANT_ID is not set, and sandbox mode is off");
    }

    @Test
    void soDoesSandboxModeTurnedOff() {
        assertThatThrownBy(() -> application().run("--photosync.sandbox.enabled=false", "--photosync.entra.tenant-id="))
                .hasMessageContaining("no Microsoft 365 tenant to work with");
    }

    private static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PhotoSyncApplication.class).web(WebApplicationType.NONE);
    }
}
