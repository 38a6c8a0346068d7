package io.photosync.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.PhotoSyncIntegrationTest;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sync.SourcePhoto;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Graph client (Microsoft's Graph SDK underneath) against the simulated Graph. */
@PhotoSyncIntegrationTest
class GraphIntegrationTests {

    @Autowired
    GraphClient graph;

    @Autowired
    SimulatedTenant tenant;

    @Test
    void findsUsersByIdAndByUpnAndKnowsGuests() {
        assertThat(graph.findUser(Personas.ADELE)).hasValueSatisfying(user -> {
            assertThat(user.userPrincipalName()).isEqualTo("adelev@" + Personas.DOMAIN);
            assertThat(user.guest()).isFalse();
        });
        assertThat(graph.findUser("patti.o'fernandez@" + Personas.DOMAIN)).hasValueSatisfying(user ->
                assertThat(user.objectId()).isEqualTo(Personas.PATTI));
        assertThat(graph.findUser(Personas.JOHN_GUEST)).hasValueSatisfying(user -> assertThat(user.guest()).isTrue());
        assertThat(graph.findUser("00000000-0000-0000-0000-000000000404")).isEmpty();
    }

    @Test
    void readsThePhotoWithItsEtag() {
        SourcePhoto photo = graph.photoOf(Personas.ADELE).orElseThrow();

        assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.ADELE).photo());
        assertThat(photo.etag()).isEqualTo(tenant.user(Personas.ADELE).photoEtag()).isNotBlank();
    }

    @Test
    void fallsBackToTheOriginalWhenThe648SizeDoesNotExist() {
        assertThat(graph.photoOf(Personas.MEGAN)).hasValueSatisfying(photo ->
                assertThat(photo.bytes()).isEqualTo(Personas.byId(Personas.MEGAN).photo()));
    }

    @Test
    void reportsNoPhotoAsEmpty() {
        assertThat(graph.photoOf(Personas.LYNNE)).isEmpty();
    }
}
