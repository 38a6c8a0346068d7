package io.photosync.preflight;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * {@code PHOTOSYNC_CLOUD=public | gcc | gcc-high | dod | china} sets every cloud-dependent endpoint
 * together: the Entra ID authority, the Graph root, the Bot Framework channel's OpenID metadata and
 * token issuer, the Bot Connector token's scope, and Teams' service URL hosts. Each is filled in only
 * where it is not set (or set empty, as {@code .env.example} leaves them): a value set on its own
 * wins. The SharePoint hosts are the tenant's own and are always set; {@link Clouds} refuses them
 * when they are of another cloud. The sources of every value are in docs/clouds.md. Sandbox mode
 * (no tenant) poses as the public cloud, and sets its own endpoints over these.
 */
public final class CloudPresets implements EnvironmentPostProcessor, Ordered {

    private static final String US_GOVERNMENT_BOT_METADATA = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean sandbox = environment.getProperty("photosync.entra.tenant-id", "").isBlank();
        String cloud = sandbox ? "public" : environment.getProperty("photosync.cloud", "public").strip().toLowerCase(Locale.ROOT);
        Map<String, Object> unset = new LinkedHashMap<>();
        presets(cloud).forEach((key, value) -> {
            if (unsetIn(environment, key)) {
                unset.put(key, value);
            }
        });
        environment.getPropertySources().addFirst(new MapPropertySource("photosync-cloud-" + cloud, unset));
    }

    /**
     * Whether no property source sets the key to something: read raw, since a value may name a
     * placeholder that a later post-processor (the sandbox) defines.
     */
    private static boolean unsetIn(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.containsProperty(key)) {
                Object value = source.getProperty(key);
                return value == null || value.toString().isBlank();
            }
        }
        return true;
    }

    /** The endpoints of one cloud; throws for a cloud PhotoSync does not know, naming those it does. */
    public static Map<String, Object> presets(String cloud) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (cloud) {
            case "public", "gcc" -> {
                values.put("photosync.entra.authority-host", "https://login.microsoftonline.com");
                values.put("photosync.graph.base-url", "https://graph.microsoft.com/v1.0");
                // The channel's metadata stays the SDK's own (login.botframework.com) unless set.
                bot(values, null, "https://api.botframework.com", "gcc".equals(cloud) ? "smba.infra.gcc.teams.microsoft.com" : "smba.trafficmanager.net");
            }
            case "gcc-high" -> {
                values.put("photosync.entra.authority-host", "https://login.microsoftonline.us");
                values.put("photosync.graph.base-url", "https://graph.microsoft.us/v1.0");
                bot(values, US_GOVERNMENT_BOT_METADATA, "https://api.botframework.us", "smba.infra.gov.teams.microsoft.us");
            }
            case "dod" -> {
                values.put("photosync.entra.authority-host", "https://login.microsoftonline.us");
                values.put("photosync.graph.base-url", "https://dod-graph.microsoft.us/v1.0");
                bot(values, US_GOVERNMENT_BOT_METADATA, "https://api.botframework.us", "smba.infra.dod.teams.microsoft.us");
            }
            case "china" -> {
                // Graph's national-cloud page names login.chinacloudapi.cn; msal4j calls its alias, which is also the issuer of v2.0 tokens.
                values.put("photosync.entra.authority-host", "https://login.partner.microsoftonline.cn");
                values.put("photosync.graph.base-url", "https://microsoftgraph.chinacloudapi.cn/v1.0");
                bot(values, "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", "https://api.botframework.azure.cn",
                        "frontend.botapi.msg.infra.teams.microsoftonline.cn");
            }
            default -> throw new IllegalStateException("PHOTOSYNC_CLOUD is '" + cloud + "'; it is one of public, gcc, gcc-high, dod, china");
        }
        return values;
    }

    private static void bot(Map<String, Object> values, String metadata, String issuerAndScope, String serviceUrlHost) {
        if (metadata != null) {
            values.put("photosync.bot.open-id-metadata-url", metadata);
        }
        values.put("photosync.bot.channel-issuers", issuerAndScope);
        values.put("photosync.bot.connector-scope", issuerAndScope);
        values.put("photosync.bot.service-url-hosts", serviceUrlHost);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
