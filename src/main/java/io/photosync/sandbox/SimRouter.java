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
 * The HTTPS server's one handler: records each call (method, host, path, user agent — never a body),
 * hands it to the service its host and path belong to, and answers once the configured latency has
 * passed since it arrived: the simulator's own work is part of the latency, as a service's is.
 */
final class SimRouter {

    /** Entra's paths: token, authorize, metadata and keys of a tenant. */
    private static final Pattern ANY_TENANTS_TOKEN = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final Pattern ENTRA = Pattern.compile("/[^/]+/(oauth2|v2\\.0|discovery)/.*");

    private final SimIdentity identity;
    private final Faults faults;
    private final EntraEndpoint entra;
    private final EntraAuthorizeEndpoint authorize;
    private final GraphEndpoint graph;
    private final List<SimGeo> geos;
    private final RequestLog received = new RequestLog();
    private final SimTeamsFiles teamsFiles;
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();

    SimRouter(SimIdentity identity, Faults faults, EntraEndpoint entra, EntraAuthorizeEndpoint authorize, GraphEndpoint graph,
              List<SimGeo> geos, SimTeamsFiles teamsFiles) {
        this.teamsFiles = teamsFiles;
        this.identity = identity;
        this.faults = faults;
        this.entra = entra;
        this.authorize = authorize;
        this.graph = graph;
        this.geos = List.copyOf(geos);
    }

    SimResponse route(SimRequest addressed) {
        String host = RequestLog.hostOf(addressed);
        String routed = identity.routedPath(host, addressed.path());
        SimRequest request = routed == null ? addressed : addressed.withPath(routed);
        record(request, host);
        if (routed == null) {
            return SimErrors.graph(421, "MisdirectedRequest", "The simulated tenant does not answer for " + host + ".");
        }
        long arrived = System.nanoTime();
        SimResponse answer = answer(request);
        faults.pauseUntilAnswered(arrived);
        return answer;
    }

    private SimResponse answer(SimRequest request) {
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
        for (SimGeo geo : geos) {
            if ((below = request.below(geo.mySitePrefix + "/")) != null) {
                if (geo == geos.get(0) && "GET".equals(request.method()) && SimTeamsFiles.DOWNLOAD.matcher("/" + below).matches()) {
                    return teamsFiles.download(request);
                }
                if ("GET".equals(request.method()) && ("/" + below).equalsIgnoreCase(SimPhotoPull.PATH)) {
                    return geo.pull.serve(request);
                }
                return geo.endpoint.handle(request, Api.SHAREPOINT_MY, identity.mySitePath(geo.hosts), "/" + below);
            }
            if ((below = request.below(geo.adminPrefix + "/")) != null) {
                return geo.endpoint.handle(request, Api.SHAREPOINT_ADMIN, geo.adminPrefix, "/" + below);
            }
        }
        return SimErrors.graph(404, "NotFound", "The simulated tenant does not serve " + path + ".");
    }

    private void record(SimRequest request, String host) {
        String path = request.path();
        String kind = path.startsWith(GraphEndpoint.PREFIX) ? "graph"
                : path.startsWith(SimIdentity.MY_SITE_PREFIX) || path.startsWith(SimIdentity.ADMIN_PREFIX) ? "sharepoint" : "entra";
        requestCounts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        received.record(request, host);
    }

    List<ReceivedRequest> received() {
        return received.all();
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
