package io.photosync.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The HTTPS server's one handler: records each call (method, path, user agent — never a body),
 * waits the configured latency, and hands the call to the service its path belongs to.
 */
final class SimRouter {

    private static final int REQUEST_LOG_LIMIT = 10_000;
    /** Entra's paths: token, authorize, metadata and keys of a tenant. */
    private static final Pattern ANY_TENANTS_TOKEN = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final Pattern ENTRA = Pattern.compile("/[^/]+/(oauth2|v2\\.0|discovery)/.*");

    private final SimIdentity identity;
    private final Faults faults;
    private final EntraEndpoint entra;
    private final EntraAuthorizeEndpoint authorize;
    private final GraphEndpoint graph;
    private final SharePointEndpoint sharePoint;
    private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();
    private final SimTeamsFiles teamsFiles;
    private final SimPhotoPull photoPull;
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();

    SimRouter(SimIdentity identity, Faults faults, EntraEndpoint entra, EntraAuthorizeEndpoint authorize, GraphEndpoint graph,
              SharePointEndpoint sharePoint, SimTeamsFiles teamsFiles, SimPhotoPull photoPull) {
        this.teamsFiles = teamsFiles;
        this.photoPull = photoPull;
        this.identity = identity;
        this.faults = faults;
        this.entra = entra;
        this.authorize = authorize;
        this.graph = graph;
        this.sharePoint = sharePoint;
    }

    SimResponse route(SimRequest request) {
        record(request);
        faults.pauseForLatency();
        String path = request.path();
        String tenant = "/" + identity.tenantId();
        if (ENTRA.matcher(path).matches()) {
            Optional<SimResponse> replayed = faults.replayed(request.method(), identity.baseUrl() + path);
            if (replayed.isPresent()) {
                return replayed.get();
            }
        }
        if ("POST".equals(request.method()) && path.equals(tenant + "/oauth2/v2.0/token")) {
            return entra.token(request);
        }
        if ("POST".equals(request.method()) && ANY_TENANTS_TOKEN.matcher(path).matches()) {
            return SimErrors.entraUnknownTenant(path.substring(1, path.indexOf("/oauth2")));
        }
        if (path.equals(tenant + "/oauth2/v2.0/authorize")) {
            return "POST".equals(request.method()) ? authorize.authorizeDecision(request) : authorize.authorizePage(request);
        }
        if (path.equals(tenant + "/v2.0/.well-known/openid-configuration")) {
            return authorize.openIdConfiguration();
        }
        if (path.equals(tenant + "/discovery/v2.0/keys")) {
            return authorize.keys();
        }
        if ("POST".equals(request.method()) && path.equals(SimTeamsFiles.UPLOAD)) {
            return teamsFiles.upload(request);
        }
        String below;
        if ((below = request.below(GraphEndpoint.PREFIX)) != null) {
            return graph.handle(request, below);
        }
        if ((below = request.below(GraphEndpoint.BETA_PREFIX)) != null) {
            return graph.handleBeta(request, below);
        }
        if ((below = request.below(SimIdentity.MY_SITE_PREFIX + "/")) != null) {
            if ("GET".equals(request.method()) && SimTeamsFiles.DOWNLOAD.matcher("/" + below).matches()) {
                return teamsFiles.download(request);
            }
            if ("GET".equals(request.method()) && ("/" + below).equalsIgnoreCase(SimPhotoPull.PATH)) {
                return photoPull.serve(request);
            }
            return sharePoint.handle(request, Api.SHAREPOINT_MY, SimIdentity.MY_SITE_PREFIX, "/" + below);
        }
        if ((below = request.below(SimIdentity.ADMIN_PREFIX + "/")) != null) {
            return sharePoint.handle(request, Api.SHAREPOINT_ADMIN, SimIdentity.ADMIN_PREFIX, "/" + below);
        }
        return SimErrors.graph(404, "NotFound", "The simulated tenant does not serve " + path + ".");
    }

    private void record(SimRequest request) {
        String path = request.path();
        String kind = path.startsWith(GraphEndpoint.PREFIX) ? "graph"
                : path.startsWith(SimIdentity.MY_SITE_PREFIX) || path.startsWith(SimIdentity.ADMIN_PREFIX) ? "sharepoint" : "entra";
        requestCounts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        received.addLast(new ReceivedRequest(request.method(), request.path(), request.header("user-agent"), System.nanoTime()));
        while (received.size() > REQUEST_LOG_LIMIT) {
            received.pollFirst();
        }
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    void clearReceived() {
        received.clear();
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    void resetCounts() {
        requestCounts.clear();
    }
}
