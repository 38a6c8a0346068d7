package io.photosync.bot;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.SimulatedTenant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running bot, its simulated tenant, and a Teams channel to talk to it through. */
@PhotoSyncIntegrationTest
abstract class TeamsChannelTestBase {

    @LocalServerPort
    int port;

    @Autowired
    SimulatedTenant tenant;

    TeamsChannel teams;

    @BeforeEach
    void openChannel() {
        teams = new TeamsChannel(port, PhotoSyncIntegrationTest.BOT_APP_ID, tenant);
    }
}
