package io.photosync.preflight;

import io.photosync.graph.GraphProperties;
import io.photosync.identity.EntraProperties;
import io.photosync.sharepoint.SharePointGeos;
import io.photosync.sharepoint.SharePointProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every Microsoft endpoint PhotoSync calls, from its configuration: Entra ID (OAuth 2.0 tokens and
 * sign-in), Microsoft Graph's REST API, SharePoint's REST API on the My Site and admin hosts, and
 * the Bot Framework (the Bot Connector, its token, the channel's signing keys). Nothing else: no
 * Exchange Web Services (switched off from October 2026, MC1227454) and no Exchange PowerShell.
 * Said at start-up and by the preflight, so an admin can attest it.
 */
public final class MicrosoftEndpoints {

    /** The Bot Framework channel's OpenID metadata in the public cloud, which the SDK uses when none is configured. */
    static final String BOT_FRAMEWORK_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /** One service and the hosts PhotoSync reaches it on. */
    public record Endpoint(String service, String protocol, List<String> hosts) {
        String render() {
            return service + " (" + protocol + "): " + String.join(", ", hosts);
        }
    }

    private final List<Endpoint> endpoints;
    private final String connectorScope;

    /** @param connectorScope the Bot Connector token's scope ({@code https://api.botframework.com/.default}, or a government cloud's) */
    MicrosoftEndpoints(EntraProperties entra, GraphProperties graph, SharePointProperties sharePoint, String botMetadataUrl,
                       List<String> serviceUrlHosts, String connectorScope) {
        this.connectorScope = connectorScope;
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("Entra ID", "OAuth 2.0 and OpenID Connect", List.of(host(entra.authorityHost()))));
        all.add(new Endpoint("Microsoft Graph", "REST", List.of(host(graph.baseUrl()))));
        all.add(new Endpoint("SharePoint", "REST", SharePointGeos.of(sharePoint).allHosts().stream().map(MicrosoftEndpoints::host).distinct().toList()));
        List<String> botHosts = new ArrayList<>(List.of(host(connectorScope),
                host(botMetadataUrl == null || botMetadataUrl.isBlank() ? BOT_FRAMEWORK_METADATA : botMetadataUrl)));
        serviceUrlHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).forEach(botHosts::add);
        all.add(new Endpoint("Bot Framework", "Bot Connector REST", botHosts.stream().distinct().toList()));
        this.endpoints = List.copyOf(all);
    }

    String connectorScope() {
        return connectorScope;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** One line for the log and the preflight. */
    public String summary() {
        return endpoints.stream().map(Endpoint::render).collect(Collectors.joining("; "))
                + "; nothing else: no Exchange Web Services, no Exchange PowerShell";
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return "(not configured)";
        }
        URI uri = URI.create(url.strip());
        return uri.getHost() == null ? url.strip() : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
