package io.photosync.clouds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncApplication;
import io.photosync.preflight.PreflightCommand;
import io.photosync.preflight.PreflightReport;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.ReceivedRequest;
import io.photosync.sandbox.SimHosts;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.sandbox.TenantOptions;
import io.photosync.teams.TeamsChannel;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A multi-geo tenant: the central geo ({@code contoso-my.sharepoint.com}) and Europe
 * ({@code contosoeur-my.sharepoint.com}, {@code PHOTOSYNC_SHAREPOINT_GEOS=EUR=…}). Each person's
 * profile and photos are in the geo of their Graph {@code preferredDataLocation}; the simulated
 * SharePoint of one geo knows nothing of the other's people, so a sync, a read or a scan that went to
 * the wrong geo would find no profile. Runs in the clouds fork (its hosts file has both geos).
 */
class MultiGeoIntegrationTests {

    private static final String BOT_APP_ID = "4b9e2d17-8c3a-4f60-b5d1-2a7e9c0f3d84";
    private static final SimHosts TWO_GEOS = SimHosts.of("login.microsoftonline.com", "graph.microsoft.com", "sharepoint.com",
            "login.botframework.com", "smba.trafficmanager.net", "https://api.botframework.com")
            .withGeo("EUR", "contosoeur-my.sharepoint.com", "contosoeur-admin.sharepoint.com");

    @TempDir
    Path secrets;

    @Test
    void eachPersonIsSyncedAndScannedInTheGeoOfTheirDataLocation() throws Exception {
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().posingAs(TWO_GEOS));
             ConfigurableApplicationContext photoSync = new SpringApplicationBuilder(PhotoSyncApplication.class).run(settings(tenant))) {
            TeamsChannel teams = new TeamsChannel(Integer.parseInt(photoSync.getEnvironment().getProperty("local.server.port")), BOT_APP_ID, tenant);
            SimUser central = NewPeople.add(tenant, "Nora Central", true, true);
            SimUser european = NewPeople.add(tenant, "Elin Europa", true, false).setPreferredDataLocation("EUR");
            tenant.sharePoint("EUR").createProfile(european.userPrincipalName());

            scan(teams, tenant);
            assertThat(scanned(photoSync, central)).as("read in the central geo").isEqualTo("MISSING");
            assertThat(scanned(photoSync, european)).as("read in Europe: the central geo has no profile for her").isEqualTo("MISSING");

            ObjectNode own = teams.message(european.id(), "en-US", "sync my photo");
            teams.post(own);
            CloudTeams.signIn(teams, tenant, own, european.id(), BOT_APP_ID);
            assertThat(CloudTeams.card(tenant, own, "Your SharePoint photo is up to date")).contains("as you, with your own SharePoint rights");
            assertThat(tenant.sharePoint("EUR").profileProperty(european.userPrincipalName(), "PictureURL").orElse(""))
                    .startsWith("https://contosoeur-my.sharepoint.com:");

            tenant.sharePoint("EUR").setProfileProperty(european.userPrincipalName(), "PictureURL", "");
            for (SimUser colleague : List.of(central, european)) {
                ObjectNode helpdesk = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
                teams.post(helpdesk);
                CloudTeams.signIn(teams, tenant, helpdesk, Personas.ALEX, BOT_APP_ID);
                assertThat(CloudTeams.card(tenant, helpdesk, "up to date")).contains(colleague.displayName());
            }
            assertThat(tenant.sharePoint().profileProperty(central.userPrincipalName(), "PictureURL").orElse(""))
                    .startsWith("https://contoso-my.sharepoint.com:");
            assertThat(tenant.sharePoint().profileProperty(european.userPrincipalName(), "PictureURL")).as("nothing of hers in the central geo").isEmpty();
            String europeanUrl = tenant.sharePoint("EUR").profileProperty(european.userPrincipalName(), "PictureURL").orElse("");
            assertThat(europeanUrl).startsWith("https://contosoeur-my.sharepoint.com:");
            assertThat(tenant.sharePoint("EUR").photoFile(europeanUrl.substring(europeanUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "")))
                    .as("her renditions are in Europe's User Photos").isPresent();
            assertThat(tenant.receivedRequests()).filteredOn(request -> request.host().startsWith("contosoeur-"))
                    .extracting(ReceivedRequest::host).contains("contosoeur-my.sharepoint.com", "contosoeur-admin.sharepoint.com");

            Personas.Persona megan = Personas.byId(Personas.MEGAN);
            for (SimUser person : List.of(central, european)) {
                person.setPhoto(megan.photo(), megan.contentType(), megan.width(), megan.height());
            }
            scan(teams, tenant);
            assertThat(scanned(photoSync, central)).as("SharePoint read in the central geo, behind Microsoft 365").isEqualTo("STALE");
            assertThat(scanned(photoSync, european)).as("SharePoint read in Europe, behind Microsoft 365").isEqualTo("STALE");

            ObjectNode doctor = teams.message(Personas.ALEX, "en-US", "doctor " + european.userPrincipalName());
            teams.post(doctor);
            assertThat(CloudTeams.card(tenant, doctor, "in the geo of their data location"))
                    .contains("in the geo of their data location: EUR, https://contosoeur-my.sharepoint.com:");
        }
    }

    /** The preflight checks the app's tokens for every geo's hosts. */
    @Test
    void thePreflightGetsTokensForEveryGeo() {
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().posingAs(TWO_GEOS))) {
            PreflightReport report = PreflightCommand.run(PhotoSyncApplication.class, new String[0], settings(tenant));

            assertThat(report.lines()).extracting(PreflightReport.Line::render).as(report.toString())
                    .allMatch(line -> line.startsWith("✔"))
                    .anyMatch(line -> line.startsWith("✔ token for SharePoint My Site host (EUR)"))
                    .anyMatch(line -> line.startsWith("✔ token for SharePoint admin host (EUR)"))
                    .anyMatch(line -> line.contains("SharePoint (REST): contoso-my.sharepoint.com:") && line.contains("contosoeur-admin.sharepoint.com:"));
        }
    }

    private String[] settings(SimulatedTenant tenant) {
        int port = URI.create(tenant.baseUrl()).getPort();
        List<String> settings = CloudTeams.settings(tenant, BOT_APP_ID, secrets);
        settings.addAll(List.of(
                "--photosync.entra.authority-host=https://login.microsoftonline.com:" + port,
                "--photosync.graph.base-url=https://graph.microsoft.com:" + port + "/v1.0",
                "--photosync.sharepoint.my-site-host=https://contoso-my.sharepoint.com:" + port,
                "--photosync.sharepoint.admin-host=https://contoso-admin.sharepoint.com:" + port,
                // The admin host is the My Site host's -my. as -admin.: left out.
                "--photosync.sharepoint.geos=EUR=https://contosoeur-my.sharepoint.com:" + port));
        return settings.toArray(String[]::new);
    }

    /** "scan" from the operator, until the card says it finished. */
    private static void scan(TeamsChannel teams, SimulatedTenant tenant) throws InterruptedException {
        ObjectNode scan = teams.message(Personas.ALEX, "en-US", "scan");
        teams.post(scan);
        CloudTeams.signIn(teams, tenant, scan, Personas.ALEX, BOT_APP_ID);
        CloudTeams.card(tenant, scan, "Scan finished");
    }

    /** The class the latest scan gave the person. */
    private static String scanned(ConfigurableApplicationContext photoSync, SimUser person) {
        return photoSync.getBean(JdbcClient.class).sql("select f.scan_class from scan_finding f join scan_run r on r.id = f.run_id "
                + "where f.subject_id = ? order by r.started_at desc limit 1").param(person.id()).query(String.class).single();
    }
}
