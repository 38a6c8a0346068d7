package io.photosync.sandbox;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An app registration in the simulated Entra ID: its credential, the application permissions
 * (roles) and delegated permissions (scopes) an admin consented to, and the users who still have
 * to consent for themselves.
 */
final class AppRegistration {

    private final String clientId;
    private final X509Certificate certificate;
    private final String secret;
    private final Set<String> roles = ConcurrentHashMap.newKeySet();
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();
    private final Set<String> usersWithoutConsent = ConcurrentHashMap.newKeySet();

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
    Set<String> roles(Api api) {
        String prefix = api.name() + ":";
        return roles.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length()))
                .collect(Collectors.toSet());
    }

    void grant(Api api, String role) {
        roles.add(api.name() + ":" + role);
    }

    void revoke(Api api, String role) {
        roles.remove(api.name() + ":" + role);
    }

    /** Delegated permissions on one API, as they appear in a user token's {@code scp}. */
    Set<String> scopes(Api api) {
        String prefix = api.name() + ":";
        return scopes.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void grantDelegated(Api api, String scope) {
        scopes.add(api.name() + ":" + scope);
    }

    /** The Application ID URIs a Teams SSO token for this app may carry as its audience, besides the client id. */
    /** The app's id, or an Application ID URI of a Teams app: {@code api://botid-{id}}, or {@code api://{fqdn}/botid-{id}} when a tab shares it. */
    boolean isAudience(String audience) {
        String lower = audience.toLowerCase(Locale.ROOT);
        return clientId.equalsIgnoreCase(audience) || lower.equals("api://botid-" + clientId.toLowerCase(Locale.ROOT))
                || lower.matches("api://[a-z0-9.-]+(:[0-9]+)?/botid-" + Pattern.quote(clientId.toLowerCase(Locale.ROOT)));
    }

    boolean hasConsented(String userId) {
        return !usersWithoutConsent.contains(userId.toLowerCase());
    }

    void requireConsent(String userId) {
        usersWithoutConsent.add(userId.toLowerCase());
    }

    void consent(String userId) {
        usersWithoutConsent.remove(userId.toLowerCase());
    }
}
