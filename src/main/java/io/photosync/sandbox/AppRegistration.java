package io.photosync.sandbox;

import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An app registration in the simulated Entra ID: its credential and the application permissions consented. */
final class AppRegistration {

    private final String clientId;
    private final X509Certificate certificate;
    private final String secret;
    private final Set<String> roles = ConcurrentHashMap.newKeySet();

    AppRegistration(String clientId, X509Certificate certificate, String secret, Set<String> roles) {
        this.clientId = clientId;
        this.certificate = certificate;
        this.secret = secret;
        this.roles.addAll(roles);
    }

    String clientId() {
        return clientId;
    }

    X509Certificate certificate() {
        return certificate;
    }

    String secret() {
        return secret;
    }

    /** Roles granted on one API, e.g. {@code roles(Api.SHAREPOINT)}. */
    Set<String> roles(SimulatedTenant.Api api) {
        String prefix = api.name() + ":";
        return roles.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length()))
                .collect(java.util.stream.Collectors.toSet());
    }

    void grant(SimulatedTenant.Api api, String role) {
        roles.add(api.name() + ":" + role);
    }

    void revoke(SimulatedTenant.Api api, String role) {
        roles.remove(api.name() + ":" + role);
    }
}
