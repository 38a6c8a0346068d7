package io.photosync.sandbox;

/**
 * One SharePoint geo of the simulated tenant: its hosts, the profiles and photo files of the people
 * whose preferred data location it is, and the endpoints serving them. A single-geo tenant has one,
 * its central geo.
 */
final class SimGeo {

    final SimHosts.SharePointGeo hosts;
    final SimSharePoint state;
    final SharePointEndpoint endpoint;
    final SimPhotoPull pull;
    /** The router's prefixes of this geo's two hosts. */
    final String mySitePrefix;
    final String adminPrefix;

    SimGeo(int index, SimHosts.SharePointGeo hosts, SimIdentity identity, Faults faults, SimDirectory directory, String photoFolder) {
        this.hosts = hosts;
        this.state = new SimSharePoint(identity.mySitePath(hosts) + "/User Photos/" + photoFolder);
        this.endpoint = new SharePointEndpoint(identity, faults, state, hosts);
        this.pull = new SimPhotoPull(directory, state, endpoint);
        this.mySitePrefix = SimIdentity.geoPrefix(SimIdentity.MY_SITE_PREFIX, index);
        this.adminPrefix = SimIdentity.geoPrefix(SimIdentity.ADMIN_PREFIX, index);
    }

    /** Whether this geo holds the profiles of people with this preferred data location (the central one holds everyone else's). */
    boolean holds(String preferredDataLocation, boolean central) {
        return hosts.location() != null ? hosts.location().equalsIgnoreCase(preferredDataLocation) : central;
    }
}
