package io.photosync.preflight;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Microsoft cloud a configured host belongs to, by its DNS name (docs/clouds.md gives the
 * sources), so that a configuration mixing clouds (Graph in GCC High, Entra ID in the public cloud)
 * is refused at start-up, naming the mismatch, instead of failing on the first call. Hosts that are
 * none of Microsoft's (a proxy, the simulated tenant) have no say.
 */
final class Clouds {

    /** The clouds as their endpoints tell them apart; GCC uses the public cloud's Entra ID, Graph and SharePoint. */
    enum Cloud {
        PUBLIC("public or GCC", "public"), GCC_HIGH("GCC High", "gcc-high"), DOD("DoD", "dod"), CHINA("21Vianet", "china");

        private final String words;
        private final String preset;

        Cloud(String words, String preset) {
            this.words = words;
            this.preset = preset;
        }
    }

    /** The settings whose hosts tell clouds apart; their values per cloud are {@link CloudPresets}'. */
    private static final List<String> TELLING = List.of("photosync.entra.authority-host", "photosync.graph.base-url",
            "photosync.bot.open-id-metadata-url", "photosync.bot.connector-scope");

    /** SharePoint's host suffixes, which no preset holds (the hosts are the tenant's own), and an older Entra alias. */
    private static final Map<String, Cloud> OTHERS = Map.of(".sharepoint.com", Cloud.PUBLIC, ".sharepoint.us", Cloud.GCC_HIGH,
            ".sharepoint-mil.us", Cloud.DOD, ".sharepoint.cn", Cloud.CHINA, "login.partner.microsoftonline.cn", Cloud.CHINA,
            "login.botframework.com", Cloud.PUBLIC);

    /** Host (or ".suffix") → the clouds that use it. */
    private static final Map<String, Set<Cloud>> HOSTS = hosts();

    /** One configured endpoint: what it is, and its URL. */
    record Setting(String what, String url) {
    }

    private Clouds() {
    }

    /** The clouds this URL's host can belong to; all of them when it is not a Microsoft cloud's host. */
    static Set<Cloud> of(String url) {
        String host = hostOf(url);
        for (Map.Entry<String, Set<Cloud>> known : HOSTS.entrySet()) {
            String name = known.getKey();
            if (name.startsWith(".") ? host.endsWith(name) : host.equals(name)) {
                return known.getValue();
            }
        }
        return EnumSet.allOf(Cloud.class);
    }

    private static Map<String, Set<Cloud>> hosts() {
        Map<String, Set<Cloud>> hosts = new HashMap<>();
        for (Cloud cloud : Cloud.values()) {
            Map<String, Object> presets = CloudPresets.presets(cloud.preset);
            TELLING.stream().map(presets::get).filter(value -> value != null).map(value -> hostOf(value.toString()))
                    .forEach(host -> hosts.computeIfAbsent(host, h -> EnumSet.noneOf(Cloud.class)).add(cloud));
        }
        OTHERS.forEach((host, cloud) -> hosts.computeIfAbsent(host, h -> EnumSet.noneOf(Cloud.class)).add(cloud));
        return Map.copyOf(hosts);
    }

    /** Refuses settings whose Microsoft hosts belong to no single cloud, naming each with its cloud. */
    static void requireOneCloud(List<Setting> settings) {
        Set<Cloud> common = EnumSet.allOf(Cloud.class);
        List<String> named = new ArrayList<>();
        for (Setting setting : settings) {
            if (setting.url() == null || setting.url().isBlank()) {
                continue;
            }
            Set<Cloud> clouds = of(setting.url());
            common.retainAll(clouds);
            if (clouds.size() < Cloud.values().length) {
                named.add(setting.what() + " " + setting.url().strip() + " (" + clouds.stream().map(cloud -> cloud.words)
                        .collect(Collectors.joining(" or ")) + ")");
            }
        }
        if (common.isEmpty()) {
            throw new IllegalStateException("The Microsoft endpoints are in different clouds: " + String.join(", ", named)
                    + ". Set every endpoint for the same cloud (docs/clouds.md).");
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? url.strip().toLowerCase(Locale.ROOT) : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.strip().toLowerCase(Locale.ROOT);
        }
    }
}
