package io.photosync.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The host names a simulated tenant answers on. {@link #LOOPBACK} (sandbox mode and most tests) is
 * {@code localhost} alone, each service below its own path; a tenant posing as a cloud answers on
 * that cloud's names instead (resolved to loopback by the test's hosts file), each service at its
 * host's root as Microsoft serves it: Entra ID, Graph, one My Site and admin host per geo, the Bot
 * Framework channel's metadata host and Teams' service URL host (both on the plain-HTTP connector,
 * which the SDK reads with the JDK's own trust store), and the Bot Framework's token issuer and
 * audience.
 *
 * @param geos the SharePoint geos, the tenant's central one first
 * @param botFramework the Bot Framework's issuer of channel tokens and the Bot Connector's token audience
 */
public record SimHosts(String entra, String graph, List<SharePointGeo> geos, String botMetadata, String serviceUrl, String botFramework) {

    /** One SharePoint geo: the people whose preferred data location it is have their profile and photos here. */
    public record SharePointGeo(String location, String mySite, String admin) {
    }

    static final String PUBLIC_BOT_FRAMEWORK = "https://api.botframework.com";

    /** Everything on {@code localhost}: Graph below {@code /graph}, SharePoint below {@code /sp-my} and {@code /sp-admin}. */
    public static final SimHosts LOOPBACK = new SimHosts(null, null, List.of(new SharePointGeo(null, null, null)), null, null, PUBLIC_BOT_FRAMEWORK);

    public SimHosts {
        geos = List.copyOf(geos);
        if (geos.isEmpty()) {
            throw new IllegalArgumentException("a tenant has at least its central geo");
        }
    }

    /** A tenant of one geo posing as a cloud, its SharePoint hosts {@code contoso-my.<suffix>} and {@code contoso-admin.<suffix>}. */
    public static SimHosts of(String entra, String graph, String sharePointSuffix, String botMetadata, String serviceUrl, String botFramework) {
        return new SimHosts(entra, graph, List.of(new SharePointGeo(null, "contoso-my." + sharePointSuffix, "contoso-admin." + sharePointSuffix)),
                botMetadata, serviceUrl, botFramework);
    }

    /** The same tenant with one more geo. */
    public SimHosts withGeo(String location, String mySite, String admin) {
        List<SharePointGeo> more = new ArrayList<>(geos);
        more.add(new SharePointGeo(location, mySite, admin));
        return new SimHosts(entra, graph, more, botMetadata, serviceUrl, botFramework);
    }

    public boolean posing() {
        return entra != null;
    }

    SharePointGeo central() {
        return geos.get(0);
    }

    /** Every name the tenant answers on, for its TLS certificate and a hosts file. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of("localhost"));
        if (posing()) {
            names.add(entra);
            names.add(graph);
            geos.forEach(geo -> {
                names.add(geo.mySite());
                names.add(geo.admin());
            });
            names.add(botMetadata);
            names.add(serviceUrl);
        }
        return names.stream().filter(Objects::nonNull).map(name -> name.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
