package io.photosync.sandbox;

import io.photosync.identity.SilentSso;
import java.util.Optional;

/**
 * Sandbox mode's Teams SSO: the simulated tenant issues the person's SSO token, as Teams would
 * after its silent sign-in, and PhotoSync then validates and exchanges it like any other.
 */
public final class SandboxSso implements SilentSso {

    private final SimulatedTenant tenant;
    private final String clientId;
    private volatile boolean enabled = true;

    SandboxSso(SimulatedTenant tenant, String clientId) {
        this.tenant = tenant;
        this.clientId = clientId;
    }

    @Override
    public Optional<String> ssoTokenFor(String objectId) {
        if (!enabled || objectId == null || tenant.findUser(objectId) == null) {
            return Optional.empty();
        }
        return Optional.of(tenant.ssoToken(objectId, clientId, SsoToken.VALID));
    }

    /** Off: the bot sends the sign-in card and waits for {@code signin/tokenExchange}, as in Teams. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
