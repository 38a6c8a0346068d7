package io.photosync.identity;

import java.util.Optional;

/**
 * A source of a person's Teams SSO token other than Teams itself. Only sandbox mode has one: the
 * Agents Playground cannot do SSO, so the simulated tenant hands out the token Teams would have,
 * and the same exchange and delegated write run as in Teams.
 */
public interface SilentSso {

    /** The person's SSO token, as Teams would pass it in {@code signin/tokenExchange}; empty to ask Teams. */
    Optional<String> ssoTokenFor(String objectId);
}
