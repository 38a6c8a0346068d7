package io.photosync.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A Microsoft 365 tenant on loopback: Entra ID, Microsoft Graph and SharePoint Online on one HTTPS
 * server with a certificate made at start, and a Bot Connector on plain HTTP. Start it with
 * {@link #start(TenantOptions)}; close it to stop both servers. This class is the control panel tests
 * and sandbox mode turn; the state is {@link SimDirectory}, {@link SimIdentity},
 * {@link SimSharePoint} and {@link Faults}, and {@link SimRouter} sends each call to its service.
 */
public final class SimulatedTenant implements AutoCloseable {

    private final Pki.Identity tls;
    private final SimDirectory directory = new SimDirectory();
    private final Faults faults = new Faults();
    private final SimIdentity identity;
    private final List<SimGeo> geos;
    private final EntraEndpoint entra;
    private final SimRouter router;
    private final SimServer server;
    private final SimulatedBotConnector connector;
    private final SimTeamsFiles teamsFiles;

    private SimulatedTenant(TenantOptions options) {
        this.tls = Pki.selfSigned("localhost", options.hosts().names());
        this.identity = new SimIdentity(this::baseUrl, options.hosts());
        this.teamsFiles = new SimTeamsFiles(() -> identity.sharePointHost(Api.SHAREPOINT_MY), directory::findUser);
        this.geos = IntStream.range(0, options.hosts().geos().size())
                .mapToObj(index -> new SimGeo(index, options.hosts().geos().get(index), identity, faults, directory, options.photoFolder())).toList();
        AuthorizationCodes codes = new AuthorizationCodes();
        this.entra = new EntraEndpoint(identity, directory, codes);
        this.router = new SimRouter(identity, faults, entra, new EntraAuthorizeEndpoint(identity, directory, codes),
                new GraphEndpoint(identity, directory, faults), geos, teamsFiles);
        faults.setLatency(options.latency());
        this.server = SimServer.https(options.port(), tls.serverTls(), router::route);
        this.connector = new SimulatedBotConnector(identity, directory, faults, options.connectorPort());
        Personas.seed(directory, sharePoint());
    }

    /** Starts a tenant seeded with the sandbox personas ({@link Personas}). */
    public static SimulatedTenant start(TenantOptions options) {
        return new SimulatedTenant(options);
    }

    // --- what clients are configured with ---

    public String tenantId() {
        return identity.tenantId();
    }

    /** The HTTPS origin, e.g. {@code https://localhost:9443}; also the Entra authority host. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public String graphBaseUrl() {
        return baseUrl() + GraphEndpoint.PREFIX;
    }

    /** The host URL of one SharePoint host ({@link Api#SHAREPOINT_MY} or {@link Api#SHAREPOINT_ADMIN}). */
    public String sharePointHost(Api api) {
        return identity.sharePointHost(api);
    }

    /** The PEM certificate of the HTTPS server, for clients that should trust this tenant. */
    String tlsCertificatePem() {
        return Pki.pem(tls.certificate());
    }

    /** Writes this tenant's TLS certificate (PEM) to {@code directory}, for {@code photosync.http.trusted-certificate-path}. */
    public Path writeTlsCertificate(Path directory) {
        return Pki.writePrivate(directory, "tenant-tls.pem", tlsCertificatePem());
    }

    public SimulatedBotConnector botConnector() {
        return connector;
    }

    // --- apps, tokens and consent ---

    /** Registers an app with a certificate and/or secret and the permissions PhotoSync documents. */
    public void registerApp(String clientId, X509Certificate certificate, String secret) {
        identity.registerApp(clientId, certificate, secret);
    }

    /** As {@link #registerApp}, with a new certificate (and the secret, if not null), written with its key to an owner-only PEM in {@code directory}. */
    public Path registerAppWithNewCertificate(String clientId, String secret, Path directory) {
        Pki.Identity app = Pki.selfSigned("PhotoSync test app " + clientId);
        registerApp(clientId, app.certificate(), secret);
        return Pki.writePrivate(directory, "app-" + clientId + ".pem", app.pem());
    }

    /** Withdraws an application permission, as an admin removing consent would. */
    public void revoke(String clientId, Api api, String role) {
        identity.app(clientId).revoke(api, role);
    }

    /** The user has not consented to the app yet: on-behalf-of answers {@code AADSTS65001} until they do. */
    public void requireConsent(String clientId, String userId) {
        identity.app(clientId).requireConsent(userId);
    }

    public boolean hasConsented(String clientId, String userId) {
        return identity.app(clientId).hasConsented(userId);
    }

    /** The token Teams gets for a signed-in user when the bot's OAuth card asks (a {@code signin/tokenExchange}'s), or a wrong one. */
    public String ssoToken(String userId, String botAppId, SsoToken kind) {
        return identity.ssoToken(user(userId), botAppId, kind);
    }

    /** The issuer of the tenant's v2.0 tokens, and where its OpenID metadata is: a single-tenant bot's channel tokens may come from it. */
    public String entraIssuer() {
        return identity.v2Issuer();
    }

    public String entraMetadataUrl() {
        return identity.v2Issuer() + "/.well-known/openid-configuration";
    }

    /**
     * A channel token as Entra issues it to single-tenant bots: the tenant's v2.0 issuer and keys,
     * the bot as audience, and the service URL it vouches for (none when null). Forgeries: a key
     * Entra never published ({@code BAD_SIGNATURE}), another audience, expired.
     */
    public String channelTokenFromEntra(String botAppId, String serviceUrl, Forgery forgery) {
        return identity.channelToken(botAppId, serviceUrl, forgery);
    }

    // --- the directory ---

    public SimUser addUser(String id, String userPrincipalName, String displayName, boolean guest) {
        return directory.addUser(id, userPrincipalName, displayName, guest);
    }

    public Collection<SimUser> users() {
        return directory.users();
    }

    /** A user by object id or UPN, case-insensitively; null when unknown. */
    SimUser findUser(String idOrUpn) {
        return directory.findUser(idOrUpn);
    }

    public SimUser user(String idOrUpn) {
        return directory.user(idOrUpn);
    }

    public SimGroup addGroup(String id, String displayName) {
        return directory.addGroup(id, displayName);
    }

    /**
     * The tenant's photo policy (Graph {@code photoUpdateSettings}): {@code cloud} or {@code onPremises},
     * and the directory role template ids that may change photos (empty: everyone their own).
     */
    public void setPhotoPolicy(String source, List<String> allowedRoles) {
        directory.setPhotoPolicy(source, allowedRoles);
    }

    /** Photos set through Graph show in Graph only after this (0: at once), as Microsoft says updates take time to appear. */
    public void delayPhotoUpdates(Duration delay) {
        directory.setPhotoUpdateDelay(delay);
    }

    /** Whether {@code photoUpdateSettings} comes wrapped in {@code value}, as Microsoft's beta GET example shows it, or top-level (the default, as the configuration guide shows it). */
    public void answerPhotoPolicyWrapped(boolean wrapped) {
        directory.setPhotoPolicyWrapped(wrapped);
    }

    // --- SharePoint ---

    /** A picture in a person's SharePoint profile as if they had set it there, not through PhotoSync: SharePoint showing what Microsoft 365 no longer has. */
    public void showInSharePoint(String userPrincipalName, BufferedImage image) {
        SimGeo geo = geos.stream().filter(each -> each.state.profile(SimSharePoint.accountName(userPrincipalName)) != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SharePoint profile for " + userPrincipalName));
        geo.endpoint.showPicture(geo.state.profile(SimSharePoint.accountName(userPrincipalName)), userPrincipalName, image);
    }

    // --- Teams ---

    /**
     * The attachment Teams puts on a message when {@code sender} attaches a file in their chat with
     * the bot ({@code file.download.info}): the file kept in their OneDrive, its pre-authorised link.
     */
    public ObjectNode teamsFile(SimUser sender, String fileName, byte[] bytes) {
        return teamsFiles.attach(sender, fileName, bytes);
    }

    /** SharePoint of the central geo: everyone's, in a tenant of one geo. */
    public SimSharePoint sharePoint() {
        return geos.get(0).state;
    }

    /** SharePoint of the geo of this preferred data location ({@link SimHosts#withGeo}). */
    public SimSharePoint sharePoint(String location) {
        return geos.stream().filter(geo -> location.equalsIgnoreCase(geo.hosts.location())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the tenant has no geo " + location)).state;
    }

    // --- behaviour knobs ---

    /** The next {@code times} calls to the API answer 429 with this {@code Retry-After}. */
    public void throttle(Api api, int times, Duration retryAfter) {
        faults.inject(api, 429, times, retryAfter);
    }

    /** How {@link #throttle} and {@link #overload} write their {@code Retry-After}: whole seconds unless a test asks for another form. */
    public void setRetryAfterForm(RetryAfterForm form) {
        faults.setRetryAfterForm(form);
    }

    /** The next {@code times} calls to the API answer 503 Server Too Busy with this {@code Retry-After}. */
    public void overload(Api api, int times, Duration retryAfter) {
        faults.inject(api, 503, times, retryAfter);
    }

    /** How many injected answers of {@link #throttle} or {@link #overload} are still to come. */
    public int pendingThrottles(Api api) {
        return faults.pending(api);
    }

    /**
     * The next {@code times} calls whose method and URL match get this answer instead of the
     * simulator's own, once the service has checked the caller's token: a real Microsoft answer
     * for the real clients. The URL is this tenant's, e.g. {@code graphBaseUrl() + "/users/[^/]+/photo"}.
     */
    public void replay(String method, String urlPattern, MicrosoftAnswer answer, int times) {
        faults.replay(method, Pattern.compile(urlPattern), answer, times);
    }

    /** How many replayed answers are still to come. */
    public int pendingReplays() {
        return faults.pendingReplays();
    }

    public void clearReplays() {
        faults.clearReplays();
    }

    /** SharePoint's per-app budget in resource units per minute (reads cost 1, writes 2 unless {@link #setSharePointCosts} says otherwise); 0 = unlimited. */
    public void setSharePointBudget(int unitsPerMinute) {
        faults.setSharePointBudget(unitsPerMinute);
    }

    /** Each SharePoint call's cost, {@code minUnits}–{@code maxUnits} (0, 0: read 1, write 2); the {@code Retry-After} past the budget (null: the window's end). */
    public void setSharePointCosts(int minUnits, int maxUnits, Duration retryAfter) {
        faults.setSharePointCosts(minUnits, maxUnits, retryAfter);
    }

    /** Whether SharePoint's answers carry {@code RateLimit-*} headers from 80 % of the window on (they do by default). */
    public void setSharePointRateLimitHeaders(boolean sent) {
        faults.setSharePointRateLimitHeaders(sent);
    }

    // --- what it received ---

    /** Every call received so far, oldest first (at most the last 10,000). */
    public List<ReceivedRequest> receivedRequests() {
        return router.received();
    }

    public void clearReceivedRequests() {
        router.clearReceived();
    }

    /** How many calls each service ("graph", "sharepoint", "entra") received since the last reset; for benchmarks, which make more than the log keeps. */
    public Map<String, Long> requestCounts() {
        return router.counts();
    }

    /** SharePoint's metering since the last reset: resource units charged, and calls refused for the budget (429). */
    public SharePointMetering sharePointMetering() {
        return faults.sharePointMetering();
    }

    public void resetCounts() {
        router.resetCounts();
        faults.resetMetering();
    }

    @Override
    public void close() {
        server.close();
        connector.close();
    }
}
