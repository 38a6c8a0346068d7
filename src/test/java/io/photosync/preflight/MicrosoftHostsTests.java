package io.photosync.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The EWS-free attestation, kept true: every Microsoft host named anywhere in the code,
 * configuration, deployment files and Teams manifest is one PhotoSync is known to call (Entra ID,
 * Graph, SharePoint, the Bot Framework) or one it only names (an issuer, a documentation link, a
 * schema); and nothing reaches Exchange Web Services or Exchange PowerShell.
 */
class MicrosoftHostsTests {

    /** Microsoft's DNS names, public and sovereign clouds. */
    private static final Pattern MICROSOFT_HOST = Pattern.compile("[a-z0-9.-]+\\.(?:microsoft\\.com|microsoft\\.us|microsoftonline\\.com"
            + "|microsoftonline\\.us|microsoftonline\\.cn|office\\.com|office\\.net|office365\\.com|office365\\.us|outlook\\.com|sharepoint\\.com"
            + "|sharepoint\\.us|sharepoint-mil\\.us|sharepoint\\.cn|botframework\\.com|botframework\\.us|azure\\.com|azure\\.us|azure\\.cn"
            + "|chinacloudapi\\.cn|windows\\.net|trafficmanager\\.net|trafficmanager\\.cn|live\\.com|skype\\.com|teams\\.microsoft\\.com)",
            Pattern.CASE_INSENSITIVE);

    /** The hosts allowed, and why each is there. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("login.microsoftonline.com", "Entra ID: tokens and sign-in (called)"),
            Map.entry("login.microsoftonline.us", "Entra ID in the US government clouds (named in .env.example)"),
            Map.entry("login.chinacloudapi.cn", "Entra ID operated by 21Vianet, as Graph's national-cloud page names it: Clouds knows it"),
            Map.entry("graph.microsoft.com", "Microsoft Graph REST (called)"),
            Map.entry("graph.microsoft.us", "Microsoft Graph in GCC High (named in .env.example)"),
            Map.entry("contoso-my.sharepoint.com", "SharePoint REST, My Site host (examples)"),
            Map.entry("contoso-admin.sharepoint.com", "SharePoint REST, admin host (examples)"),
            Map.entry("contosoeur-my.sharepoint.com", "SharePoint REST, a second geo's My Site host (examples)"),
            Map.entry("contosoeur-admin.sharepoint.com", "SharePoint REST, a second geo's admin host (examples)"),
            Map.entry("contosoapc-my.sharepoint.com", "SharePoint REST, a third geo's My Site host (examples)"),
            Map.entry("api.botframework.com", "Bot Connector token scope and channel token issuer"),
            Map.entry("login.botframework.com", "the Bot Framework channel's OpenID metadata and signing keys (called by the SDK)"),
            Map.entry("smba.trafficmanager.net", "Teams' Bot Connector service URLs (called by the Bot Framework SDK)"),
            Map.entry("sts.windows.net", "Entra's v1.0 token issuer: a name in tokens, never called"),
            Map.entry("learn.microsoft.com", "documentation links in comments, never called"),
            Map.entry("developer.microsoft.com", "the Teams manifest's JSON schema reference, never called"),
            Map.entry("schema.management.azure.com", "the ARM parameters file's JSON schema reference, never called"),
            Map.entry("graph.windows.net", "a field of Entra's OpenID metadata as the simulator answers it, never called"),
            Map.entry("pas.windows.net", "a field of Entra's OpenID metadata as the simulator answers it, never called"),
            Map.entry("invalid.botframework.com", "the simulator's placeholder authorization endpoint, never called"),
            Map.entry("dod-graph.microsoft.us", "Microsoft Graph in DoD: Clouds tells clouds apart by it (called only when configured)"),
            Map.entry("microsoftgraph.chinacloudapi.cn", "Microsoft Graph by 21Vianet: Clouds tells clouds apart by it (called only when configured)"),
            Map.entry("login.partner.microsoftonline.cn", "Entra ID by 21Vianet, the host msal4j calls (PHOTOSYNC_CLOUD=china)"),
            Map.entry("sts.chinacloudapi.cn", "Entra's v1.0 token issuer by 21Vianet: a name in tokens, never called"),
            Map.entry("login.botframework.azure.cn", "the Bot Framework by 21Vianet: channel metadata (PHOTOSYNC_CLOUD=china)"),
            Map.entry("api.botframework.azure.cn", "the Bot Connector token scope and channel issuer by 21Vianet (PHOTOSYNC_CLOUD=china)"),
            Map.entry("frontend.botapi.msg.infra.teams.microsoftonline.cn", "Teams' service URLs by 21Vianet (PHOTOSYNC_CLOUD=china)"),
            Map.entry("login.botframework.azure.us", "the Bot Framework in US government clouds: channel metadata (PHOTOSYNC_CLOUD)"),
            Map.entry("api.botframework.us", "the Bot Connector token scope and channel issuer in US government clouds (PHOTOSYNC_CLOUD)"),
            Map.entry("smba.infra.gcc.teams.microsoft.com", "Teams' service URLs in GCC (PHOTOSYNC_CLOUD)"),
            Map.entry("smba.infra.gov.teams.microsoft.us", "Teams' service URLs in GCC High (PHOTOSYNC_CLOUD)"),
            Map.entry("smba.infra.dod.teams.microsoft.us", "Teams' service URLs in DoD (PHOTOSYNC_CLOUD)"));

    /** What calling Exchange Web Services or Exchange PowerShell would look like. */
    private static final Pattern EXCHANGE = Pattern.compile("/EWS/|Exchange\\.asmx|microsoft\\.exchange\\.webservices|ews-java-api"
            + "|outlook\\.office365\\.com|outlook\\.office\\.com|ps\\.outlook\\.com|/powershell-liveid", Pattern.CASE_INSENSITIVE);

    @Test
    void everyMicrosoftHostNamedIsKnownAndNothingReachesExchangeWebServices() throws IOException {
        Map<String, TreeSet<String>> unknown = new TreeMap<>();
        List<String> exchange = new ArrayList<>();
        for (Path file : files()) {
            String text = Files.readString(file);
            Matcher host = MICROSOFT_HOST.matcher(text);
            while (host.find()) {
                String name = host.group().toLowerCase().replaceFirst("^\\.+", "");
                if (!KNOWN.containsKey(name)) {
                    unknown.computeIfAbsent(name, k -> new TreeSet<>()).add(file.toString());
                }
            }
            Matcher ews = EXCHANGE.matcher(text);
            if (ews.find()) {
                exchange.add(file + ": " + ews.group());
            }
        }
        assertThat(unknown).as("Microsoft hosts PhotoSync does not account for (add them to KNOWN with the reason, and to docs/clouds.md)").isEmpty();
        assertThat(exchange).as("Exchange Web Services and Exchange PowerShell are off limits").isEmpty();
    }

    /** The test itself must find what it looks for: a host it does not know and an EWS URL. */
    @Test
    void theScanFindsAnUnknownHostAndAnEwsUrl() {
        Matcher host = MICROSOFT_HOST.matcher("see https://outlook.office365.com/EWS/Exchange.asmx");
        assertThat(host.find()).isTrue();
        assertThat(KNOWN).doesNotContainKey(host.group());
        assertThat(EXCHANGE.matcher("https://outlook.office365.com/EWS/Exchange.asmx").find()).isTrue();
    }

    private static List<Path> files() throws IOException {
        List<Path> roots = List.of(Path.of("src/main"), Path.of("deployment"), Path.of("teams-manifest/manifest.template.json"),
                Path.of("teams-manifest/nb-no.json"), Path.of(".env.example"), Path.of("pom.xml"));
        return roots.stream().filter(Files::exists).flatMap(root -> {
            try {
                return Files.isDirectory(root) ? Files.walk(root).filter(Files::isRegularFile) : Stream.of(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(path -> !path.toString().matches(".*\\.(png|jpg|jpeg|gif|zip|jar)$")).toList();
    }
}
