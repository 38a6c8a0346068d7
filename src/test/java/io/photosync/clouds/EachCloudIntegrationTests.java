package io.photosync.clouds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.photosync.NewPeople;
import io.photosync.PhotoSyncApplication;
import io.photosync.preflight.CloudPresets;
import io.photosync.preflight.PreflightCommand;
import io.photosync.preflight.PreflightReport;
import io.photosync.sandbox.Forgery;
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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PhotoSync in each cloud, end to end: the simulated tenant poses as the cloud (its host names,
 * resolved to loopback by this fork's hosts file, {@code src/test/resources/clouds/hosts}; its
 * Entra and Bot Framework issuers), PhotoSync is started with {@code PHOTOSYNC_CLOUD} and only the
 * simulator's port added to the cloud's endpoints, and a person's "sync my photo" (Teams SSO, their
 * own rights), a helpdesk sync and the preflight with its write round trip all work — with every
 * request to a host of that cloud. The hosts each cloud must use are this test's own list (from the
 * sources in docs/clouds.md), not PhotoSync's presets, so a wrong preset fails here.
 */
class EachCloudIntegrationTests {

    private static final String BOT_APP_ID = "7c2e4a91-3f5d-4b8e-a06c-19d8e5f2b374";

    /** The hosts of each cloud as Microsoft documents them: Entra ID, Graph, SharePoint's suffix, the Bot Framework's metadata host, Teams' service URL host, the Bot Framework's issuer. */
    enum Cloud {
        PUBLIC("public", "login.microsoftonline.com", "graph.microsoft.com", "sharepoint.com", "login.botframework.com",
                "smba.trafficmanager.net", "https://api.botframework.com"),
        GCC("gcc", "login.microsoftonline.com", "graph.microsoft.com", "sharepoint.com", "login.botframework.com",
                "smba.infra.gcc.teams.microsoft.com", "https://api.botframework.com"),
        GCC_HIGH("gcc-high", "login.microsoftonline.us", "graph.microsoft.us", "sharepoint.us", "login.botframework.azure.us",
                "smba.infra.gov.teams.microsoft.us", "https://api.botframework.us"),
        DOD("dod", "login.microsoftonline.us", "dod-graph.microsoft.us", "sharepoint-mil.us", "login.botframework.azure.us",
                "smba.infra.dod.teams.microsoft.us", "https://api.botframework.us"),
        CHINA("china", "login.partner.microsoftonline.cn", "microsoftgraph.chinacloudapi.cn", "sharepoint.cn", "login.botframework.azure.cn",
                "frontend.botapi.msg.infra.teams.microsoftonline.cn", "https://api.botframework.azure.cn");

        final String name;
        final SimHosts hosts;

        Cloud(String name, String entra, String graph, String sharePoint, String botMetadata, String serviceUrl, String botFramework) {
            this.name = name;
            this.hosts = SimHosts.of(entra, graph, sharePoint, botMetadata, serviceUrl, botFramework);
        }
    }

    @TempDir
    Path secrets;

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void syncsAPersonAndAColleagueAndPassesThePreflightOnThatCloudsHostsOnly(Cloud cloud) throws Exception {
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().posingAs(cloud.hosts))) {
            List<String> settings = settings(cloud, tenant);
            try (ConfigurableApplicationContext photoSync = new SpringApplicationBuilder(PhotoSyncApplication.class)
                    .run(settings.toArray(String[]::new))) {
                TeamsChannel teams = new TeamsChannel(Integer.parseInt(photoSync.getEnvironment().getProperty("local.server.port")), BOT_APP_ID, tenant);
                SimUser person = NewPeople.add(tenant, "Cloud Person", true, true);

                ObjectNode ask = teams.message(person.id(), "en-US", "sync my photo");
                assertThat(teams.post(ask).statusCode()).isEqualTo(202);
                CloudTeams.signIn(teams, tenant, ask, person.id(), BOT_APP_ID);
                assertThat(CloudTeams.card(tenant, ask, "Your SharePoint photo is up to date")).contains("as you, with your own SharePoint rights");

                SimUser colleague = NewPeople.add(tenant, "Cloud Colleague", true, true);
                ObjectNode helpdesk = teams.message(Personas.ALEX, "en-US", "sync photo for " + colleague.userPrincipalName());
                assertThat(teams.post(helpdesk).statusCode()).isEqualTo(202);
                CloudTeams.signIn(teams, tenant, helpdesk, Personas.ALEX, BOT_APP_ID);
                assertThat(CloudTeams.card(tenant, helpdesk, "up to date")).contains("Cloud Colleague");
                assertThat(tenant.sharePoint().profileProperty(colleague.userPrincipalName(), "PictureURL").orElse(""))
                        .startsWith("https://" + cloud.hosts.geos().get(0).mySite() + ":");
            }

            PreflightReport preflight = PreflightCommand.run(PhotoSyncApplication.class,
                    new String[] {"--user", "adelev@" + Personas.DOMAIN, "--write"}, settings.toArray(String[]::new));
            assertThat(preflight.lines()).extracting(PreflightReport.Line::render).as(preflight.toString())
                    .allMatch(line -> line.startsWith("✔"))
                    .anyMatch(line -> line.startsWith("✔ Microsoft endpoints: Entra ID (OAuth 2.0 and OpenID Connect): " + cloud.hosts.entra()))
                    .anyMatch(line -> line.startsWith("✔ token for Bot Connector"))
                    .anyMatch(line -> line.startsWith("✔ write and read back: PictureURL"));

            assertEveryRequestWentTo(cloud, tenant);
        }
    }

    /**
     * The channel-token checks that are the cloud's own (the US government's through the SDK's
     * pieces, 21Vianet's as another issuer) refuse every forgery, and a public cloud's genuine token.
     */
    @ParameterizedTest
    @EnumSource(value = Cloud.class, names = {"GCC_HIGH", "CHINA"})
    void forgedChannelTokensAreRefused(Cloud cloud) {
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().posingAs(cloud.hosts));
             ConfigurableApplicationContext photoSync = new SpringApplicationBuilder(PhotoSyncApplication.class)
                     .run(settings(cloud, tenant).toArray(String[]::new));
             SimulatedTenant publicCloud = SimulatedTenant.start(TenantOptions.defaults().posingAs(Cloud.PUBLIC.hosts))) {
            TeamsChannel teams = new TeamsChannel(Integer.parseInt(photoSync.getEnvironment().getProperty("local.server.port")), BOT_APP_ID, tenant);
            String help = teams.message(Personas.MEGAN, "en-US", "help").toString();
            assertThat(teams.post(help, "Bearer " + tenant.botConnector().channelToken(BOT_APP_ID, Forgery.NONE)).statusCode()).isEqualTo(202);
            for (Forgery forgery : List.of(Forgery.WRONG_AUDIENCE, Forgery.WRONG_ISSUER, Forgery.WRONG_SERVICE_URL, Forgery.NO_SERVICE_URL,
                    Forgery.EXPIRED, Forgery.NOT_YET_VALID, Forgery.BAD_SIGNATURE, Forgery.UNKNOWN_KEY, Forgery.ALG_NONE, Forgery.HS256_WITH_PUBLIC_KEY)) {
                assertThat(teams.post(help, "Bearer " + tenant.botConnector().channelToken(BOT_APP_ID, forgery)).statusCode())
                        .as(forgery.name()).isIn(401, 403);
            }
            assertThat(teams.post(help, "Bearer " + publicCloud.botConnector().channelToken(BOT_APP_ID, Forgery.NONE)).statusCode())
                    .as("the public cloud's Bot Framework is not this cloud's").isIn(401, 403);
        }
    }

    /** GCC High with the public cloud's sign-in host set on its own: PhotoSync does not start, and says which endpoint is of which cloud. */
    @Test
    void aMixedConfigurationDoesNotStart() {
        try (SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults().posingAs(Cloud.GCC_HIGH.hosts))) {
            List<String> settings = settings(Cloud.GCC_HIGH, tenant);
            settings.removeIf(setting -> setting.startsWith("--photosync.entra.authority-host="));
            settings.add("--photosync.entra.authority-host=https://login.microsoftonline.com:" + URI.create(tenant.baseUrl()).getPort());

            assertThatThrownBy(() -> new SpringApplicationBuilder(PhotoSyncApplication.class).run(settings.toArray(String[]::new)).close())
                    .rootCause().hasMessageContaining("Entra ID https://login.microsoftonline.com:")
                    .hasMessageContaining("(public or GCC)").hasMessageContaining("Microsoft Graph https://graph.microsoft.us:")
                    .hasMessageContaining("(GCC High)");
            assertThat(tenant.receivedRequests()).as("refused before any call").isEmpty();
        }
    }

    /** PhotoSync as an admin would configure it for the cloud: {@code PHOTOSYNC_CLOUD}, the tenant's own hosts, and the simulator's port on each endpoint it calls. */
    private List<String> settings(Cloud cloud, SimulatedTenant tenant) {
        int port = URI.create(tenant.baseUrl()).getPort();
        SimHosts hosts = cloud.hosts;
        String metadata = String.valueOf(CloudPresets.presets(cloud.name).getOrDefault("photosync.bot.open-id-metadata-url",
                "https://login.botframework.com/v1/.well-known/openidconfiguration"));
        assertThat(URI.create(metadata).getHost()).as("the preset's channel metadata is the cloud's").isEqualTo(hosts.botMetadata());
        String graph = String.valueOf(CloudPresets.presets(cloud.name).get("photosync.graph.base-url"));
        List<String> settings = CloudTeams.settings(tenant, BOT_APP_ID, secrets);
        settings.addAll(List.of(
                "--photosync.cloud=" + cloud.name,
                "--photosync.entra.authority-host=" + withPort(String.valueOf(CloudPresets.presets(cloud.name).get("photosync.entra.authority-host")), port),
                "--photosync.graph.base-url=" + withPort(graph, port),
                "--photosync.sharepoint.my-site-host=https://" + hosts.geos().get(0).mySite() + ":" + port,
                "--photosync.sharepoint.admin-host=https://" + hosts.geos().get(0).admin() + ":" + port));
        return settings;
    }

    private static String withPort(String url, int port) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + port + uri.getRawPath();
    }

    private static void assertEveryRequestWentTo(Cloud cloud, SimulatedTenant tenant) {
        SimHosts hosts = cloud.hosts;
        Set<String> microsoft365 = tenant.receivedRequests().stream().map(ReceivedRequest::host).collect(Collectors.toSet());
        Set<String> botFramework = tenant.botConnector().receivedRequests().stream().map(ReceivedRequest::host).collect(Collectors.toSet());
        assertThat(microsoft365).as("Entra ID, Graph and SharePoint: every request, and each of them").containsExactlyInAnyOrder(
                hosts.entra(), hosts.graph(), hosts.geos().get(0).mySite(), hosts.geos().get(0).admin());
        assertThat(botFramework).as("the channel's metadata and the Bot Connector").containsExactlyInAnyOrderElementsOf(
                Stream.of(hosts.botMetadata(), hosts.serviceUrl()).distinct().toList());
    }
}
