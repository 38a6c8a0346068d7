package io.photosync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.identity.TokenProvider;
import io.photosync.sandbox.SimulatedTenant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every conformance test has: the running application and its simulated tenant, a raw HTTP
 * client and the app's tokens to ask the simulator itself, and the check that every answer of
 * Microsoft's a test set up to replay was asked for (a replay left over means the client never made
 * the call the test meant to feed it).
 */
@PhotoSyncIntegrationTest
abstract class ConformanceTest {

    @Autowired
    SimulatedTenant tenant;

    @Autowired
    OkHttpClient http;

    @Autowired
    TokenProvider tokens;

    @AfterEach
    void everyReplayWasAskedFor() {
        int left = tenant.pendingReplays();
        tenant.clearReplays();
        assertThat(left).as("replayed answers the client never asked for").isZero();
    }
}
