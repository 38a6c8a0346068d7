package io.photosync.preflight;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
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
        PUBLIC("public or GCC"), GCC_HIGH("GCC High"), DOD("DoD"), CHINA("21Vianet");

        private final String words;

        Cloud(String words) {
            this.words = words;
        }
    }

    private static final Set<Cloud> US_GOVERNMENT = EnumSet.of(Cloud.GCC_HIGH, Cloud.DOD);

    /** Host suffixes and the clouds that use them, most specific first. */
    private static final List<Map.Entry<String, Set<Cloud>>> SUFFIXES = List.of(
            Map.entry("dod-graph.microsoft.us", EnumSet.of(Cloud.DOD)),
            Map.entry("graph.microsoft.us", EnumSet.of(Cloud.GCC_HIGH)),
            Map.entry("graph.microsoft.com", EnumSet.of(Cloud.PUBLIC)),
            Map.entry("microsoftgraph.chinacloudapi.cn", EnumSet.of(Cloud.CHINA)),
            Map.entry("login.microsoftonline.com", EnumSet.of(Cloud.PUBLIC)),
            Map.entry("login.microsoftonline.us", US_GOVERNMENT),
            Map.entry("login.chinacloudapi.cn", EnumSet.of(Cloud.CHINA)),
            Map.entry("login.partner.microsoftonline.cn", EnumSet.of(Cloud.CHINA)),
            Map.entry(".sharepoint-mil.us", EnumSet.of(Cloud.DOD)),
            Map.entry(".sharepoint.us", EnumSet.of(Cloud.GCC_HIGH)),
            Map.entry(".sharepoint.com", EnumSet.of(Cloud.PUBLIC)),
            Map.entry(".sharepoint.cn", EnumSet.of(Cloud.CHINA)),
            Map.entry("login.botframework.com", EnumSet.of(Cloud.PUBLIC)),
            Map.entry("login.botframework.azure.us", US_GOVERNMENT));

    /** One configured endpoint: what it is, and its URL. */
    record Setting(String what, String url) {
    }

    private Clouds() {
    }

    /** The clouds this URL's host can belong to; all of them when it is not a Microsoft cloud's host. */
    static Set<Cloud> of(String url) {
        String host = hostOf(url);
        for (Map.Entry<String, Set<Cloud>> suffix : SUFFIXES) {
            String name = suffix.getKey();
            if (host.equals(name.startsWith(".") ? name.substring(1) : name) || (name.startsWith(".") && host.endsWith(name))) {
                return suffix.getValue();
            }
        }
        return EnumSet.allOf(Cloud.class);
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
