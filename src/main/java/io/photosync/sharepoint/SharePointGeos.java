package io.photosync.sharepoint;

import io.photosync.sync.DirectoryUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each person's SharePoint profile lives. In a multi-geo tenant every geo has its own My Site
 * host and admin host, and a person's profile and photos are in the geo of their preferred data
 * location (Graph's {@code preferredDataLocation}); writing them to the central geo instead is the
 * classic multi-geo failure (sp-dev-docs, "multi-geo user profile experience").
 * {@code photosync.sharepoint.geos} maps locations to hosts,
 * {@code EUR=https://contosoeur-my.sharepoint.com|https://contosoeur-admin.sharepoint.com}; the admin
 * host may be left out when it is the My Site host's {@code -my.} as {@code -admin.}. A person
 * without a location, or with one not listed, is the central geo's (the {@code my-site-host} and
 * {@code admin-host} settings).
 */
public final class SharePointGeos {

    /** One geo's two hosts; {@code location} is null for the central geo. */
    public record Hosts(String location, String mySite, String admin) {
    }

    private final Hosts central;
    private final Map<String, Hosts> byLocation;

    private SharePointGeos(Hosts central, Map<String, Hosts> byLocation) {
        this.central = central;
        this.byLocation = Collections.unmodifiableMap(new LinkedHashMap<>(byLocation));
    }

    /** Reads the settings; refuses at start an entry that names no location, no host, or a host that is not a URL. */
    public static SharePointGeos of(SharePointProperties properties) {
        Hosts central = new Hosts(null, SharePointClient.trim(properties.mySiteHost()), SharePointClient.trim(properties.adminHost()));
        Map<String, Hosts> geos = new LinkedHashMap<>();
        for (String entry : properties.geos() == null ? List.<String>of() : properties.geos()) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String location = equals < 0 ? "" : entry.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            String[] hosts = equals < 0 ? new String[0] : entry.substring(equals + 1).strip().split("\\|", 2);
            if (location.isEmpty() || hosts.length == 0 || !isUrl(hosts[0])) {
                throw new IllegalStateException("photosync.sharepoint.geos: '" + entry.strip() + "' is not LOCATION=https://<my site host>"
                        + "[|https://<admin host>], e.g. EUR=https://contosoeur-my.sharepoint.com");
            }
            String mySite = SharePointClient.trim(hosts[0].strip());
            String admin = hosts.length == 2 ? SharePointClient.trim(hosts[1].strip()) : adminOf(location, mySite);
            geos.put(location, new Hosts(location, mySite, admin));
        }
        return new SharePointGeos(central, geos);
    }

    private static String adminOf(String location, String mySite) {
        if (!mySite.contains("-my.")) {
            throw new IllegalStateException("photosync.sharepoint.geos: " + location + "'s My Site host " + mySite
                    + " is not <name>-my.<domain>: give its admin host too, " + location + "=" + mySite + "|https://<admin host>");
        }
        return mySite.replaceFirst("-my\\.", "-admin.");
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The hosts of the geo that holds this person's profile. */
    Hosts of(DirectoryUser user) {
        return configuredFor(user).orElse(central);
    }

    /** The geo the person's location names, when one is configured for it. */
    Optional<Hosts> configuredFor(DirectoryUser user) {
        String location = user.preferredDataLocation();
        return location == null ? Optional.empty() : Optional.ofNullable(byLocation.get(location.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every host of every geo, the central geo's first. */
    public List<String> allHosts() {
        List<String> hosts = new ArrayList<>(List.of(central.mySite(), central.admin()));
        byLocation.values().forEach(geo -> {
            hosts.add(geo.mySite());
            hosts.add(geo.admin());
        });
        return List.copyOf(hosts);
    }

    /** The My Site host of every geo, the central geo's first; none when not configured. */
    public List<String> mySiteHosts() {
        List<String> hosts = new ArrayList<>(List.of(central.mySite()));
        byLocation.values().forEach(geo -> hosts.add(geo.mySite()));
        return hosts.stream().filter(host -> !host.isBlank()).toList();
    }

    /** The configured geos besides the central one. */
    public List<Hosts> others() {
        return List.copyOf(byLocation.values());
    }
}
