package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.sandbox.Api;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.PhotoSyncService;
import io.photosync.sync.SyncOutcome;
import io.photosync.sync.SyncRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An app registration without the SharePoint permission PhotoSync needs. Entra puts the granted
 * roles into each token, so the permission is withdrawn before this tenant issues its first one:
 * a context of its own.
 */
@SpringBootTest(properties = {"photosync.sandbox.port=0", "photosync.sandbox.connector-port=0", "photosync.jobs.threads=2"})
class PermissionIntegrationTests {

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    PhotoSyncService service;

    @Value("${photosync.entra.client-id}")
    String clientId;

    @Test
    void namesTheMissingPermission() {
        tenant.revoke(clientId, Api.SHAREPOINT_ADMIN, "User.ReadWrite.All");

        SyncOutcome outcome = service.sync(new SyncRequest(Personas.ADELE));

        assertThat(outcome).isInstanceOfSatisfying(SyncOutcome.AccessRefused.class, refused -> {
            assertThat(refused.call()).isEqualTo("GetPropertiesFor");
            assertThat(refused.host()).isEqualTo(tenant.sharePointHost(Api.SHAREPOINT_ADMIN).replaceFirst("^https?://", ""));
            assertThat(refused.needs()).isEqualTo("User.ReadWrite.All");
            assertThat(refused.said()).contains("Access denied");
        });
        assertThat(tenant.sharePoint().profileProperty("adelev@" + Personas.DOMAIN, "SPS-PicturePlaceholderState")).hasValue("1");
    }
}
