package io.photosync.sandbox;

import java.time.Duration;

/**
 * How to start a simulated tenant ({@link SimulatedTenant#start}).
 *
 * @param port the HTTPS port; 0 picks a free one
 * @param connectorPort the Bot Connector's HTTP port; 0 picks a free one
 * @param latency the delay added to every Microsoft 365 call
 * @param photoFolder the folder in {@code User Photos} (localised tenants name it differently)
 * @param hosts the host names it answers on: {@code localhost}, or a cloud's
 */
public record TenantOptions(int port, int connectorPort, Duration latency, String photoFolder, SimHosts hosts) {

    public static TenantOptions defaults() {
        return new TenantOptions(0, 0, Duration.ZERO, "Profile Pictures", SimHosts.LOOPBACK);
    }

    TenantOptions withPorts(int port, int connectorPort) {
        return new TenantOptions(port, connectorPort, latency, photoFolder, hosts);
    }

    public TenantOptions withLatency(Duration latency) {
        return new TenantOptions(port, connectorPort, latency, photoFolder, hosts);
    }

    /** A tenant posing as a cloud (its host names, its issuers), or of several geos. */
    public TenantOptions posingAs(SimHosts hosts) {
        return new TenantOptions(port, connectorPort, latency, photoFolder, hosts);
    }
}
