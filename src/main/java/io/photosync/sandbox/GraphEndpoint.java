package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph v1.0 (and the one beta call) as PhotoSync uses it: the token and permission
 * checks, injected faults, and {@code $batch} (at most 20 requests; binary bodies base64 in the
 * sub-response; each sub-request throttled on its own, answered in reverse order); the calls
 * themselves are {@link SimGraphDirectory}'s and {@link SimGraphPhotos}'.
 */
final class GraphEndpoint {

    static final String PREFIX = "/graph/v1.0";
    static final String BETA_PREFIX = "/graph/beta";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern USER = Pattern.compile("/users/([^/]+)");
    private static final Pattern PHOTO_VALUE = Pattern.compile("/users/([^/]+)/photo/\\$value");
    private static final Pattern GROUP_USERS = Pattern.compile("/groups/([^/]+)/transitiveMembers/(?:microsoft\\.)?graph\\.user");
    private static final Pattern APPLICATION = Pattern.compile("/applications\\(appId='[^']+'\\)");
    private static final Pattern GROUP_GROUPS = Pattern.compile("/groups/([^/]+)/transitiveMembers/(?:microsoft\\.)?graph\\.group");
    private static final Pattern CHECK_MEMBER_GROUPS = Pattern.compile("/users/([^/]+)/checkMemberGroups");
    private static final String[] GROUP_READERS = {"GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"};

    private final SimIdentity identity;
    private final Faults faults;
    private final SimGraphDirectory people;
    private final SimGraphPhotos photos;

    GraphEndpoint(SimIdentity identity, SimDirectory directory, Faults faults) {
        this.identity = identity;
        this.faults = faults;
        this.people = new SimGraphDirectory(identity, directory);
        this.photos = new SimGraphPhotos(identity, directory);
    }

    SimResponse handle(SimRequest request, String path) {
        Optional<JWTClaimsSet> token = identity.accessTokenFor(request, Api.GRAPH);
        if (token.isEmpty()) {
            return SimErrors.graph(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience or token.");
        }
        Optional<SimResponse> replayed = faults.replayed(request.method(), identity.baseUrl() + request.path());
        if (replayed.isPresent()) {
            return "/$batch".equals(path) ? forCallersIds(replayed.get(), request) : replayed.get();
        }
        Set<String> roles = SimIdentity.roles(token.get());
        if ("POST".equals(request.method()) && "/$batch".equals(path)) {
            return batch(request);
        }
        Optional<SimResponse> injected = faults.injected(Api.GRAPH);
        if (injected.isPresent()) {
            return injected.get();
        }
        Matcher check = CHECK_MEMBER_GROUPS.matcher(path);
        if ("POST".equals(request.method()) && check.matches()) {
            return requireRole(roles, GROUP_READERS).orElseGet(() -> people.checkMemberGroups(request, check.group(1)));
        }
        Matcher photoValue = PHOTO_VALUE.matcher(path);
        if (request.method().matches("PUT|PATCH") && photoValue.matches()) {
            return photos.update(request, token.get(), photoValue.group(1));
        }
        if (!"GET".equals(request.method())) {
            return SimErrors.graph(405, "Request_BadRequest", "Method not allowed in the simulated tenant.");
        }
        if ("/users".equals(path)) {
            return requireRole(roles, "User.Read.All", "User.ReadBasic.All", "Directory.Read.All").orElseGet(() -> people.users(request));
        }
        if ("/groups".equals(path)) {
            return requireRole(roles, GROUP_READERS).orElseGet(() -> people.groups(request));
        }
        if (APPLICATION.matcher(path).matches()) {
            // Reading an app registration needs Application.Read.All, which PhotoSync does not ask for: the preflight records the refusal.
            return requireRole(roles, "Application.Read.All", "Directory.Read.All").orElseGet(() -> SimResponse.json(200,
                    MAPPER.createObjectNode().put("@odata.context", identity.graphUrl(PREFIX) + "/$metadata#applications(api)/$entity")
                            .set("api", MAPPER.createObjectNode().put("requestedAccessTokenVersion", 2))));
        }
        if (GROUP_GROUPS.matcher(path).matches()) {
            return requireRole(roles, GROUP_READERS).orElseGet(SimGraphDirectory::groupCastRefused);
        }
        Matcher groupUsers = GROUP_USERS.matcher(path);
        if (groupUsers.matches()) {
            return requireRole(roles, GROUP_READERS).orElseGet(() -> people.transitiveUsers(request, path, groupUsers.group(1)));
        }
        Matcher user = USER.matcher(path);
        if (user.matches()) {
            return requireRole(roles, "User.Read.All", "User.ReadBasic.All").orElseGet(() -> people.user(request, user.group(1)));
        }
        return requireRole(roles, "ProfilePhoto.Read.All", "User.Read.All").orElseGet(() -> photos.serve(path));
    }

    /**
     * Graph beta, only what PhotoSync reads there: the tenant's
     * <a href="https://learn.microsoft.com/graph/api/resources/photoupdatesettings">photoUpdateSettings</a>,
     * with {@code PeopleSettings.Read.All}.
     */
    SimResponse handleBeta(SimRequest request, String path) {
        Optional<JWTClaimsSet> token = identity.accessTokenFor(request, Api.GRAPH);
        if (token.isEmpty()) {
            return SimErrors.graph(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience or token.");
        }
        Optional<SimResponse> replayed = faults.replayed(request.method(), identity.baseUrl() + request.path());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        if (!"GET".equals(request.method()) || !path.equalsIgnoreCase("/admin/people/photoUpdateSettings")) {
            return SimErrors.graph(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
        }
        return requireRole(SimIdentity.roles(token.get()), "PeopleSettings.Read.All", "PeopleSettings.ReadWrite.All").orElseGet(photos::photoPolicy);
    }

    /** {@code $batch}: sub-requests dispatched through the same handlers, mapped back by id. */
    private SimResponse batch(SimRequest request) {
        JsonNode requests;
        try {
            requests = MAPPER.readTree(request.body()).path("requests");
        } catch (IOException e) {
            return SimErrors.graph(400, "BadRequest", "Invalid batch payload.");
        }
        if (requests.size() > 20) {
            return SimErrors.graph(400, "BadRequest", "The number of batch requests exceeds the limit of 20.");
        }
        ArrayNode responses = MAPPER.createArrayNode();
        for (JsonNode sub : requests) {
            String url = sub.path("url").asText();
            String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String rawQuery = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
            SimRequest inner = SimRequest.of(sub.path("method").asText("GET"), PREFIX + (rawPath.startsWith("/") ? "" : "/") + rawPath,
                    rawQuery, request.headers(), new byte[0]);
            SimResponse answer = handle(inner, inner.path().substring(PREFIX.length()));
            // Graph does not promise the request order; answering in reverse makes a client that maps by position fail here.
            responses.insert(0, subResponse(sub.path("id").asText(), answer));
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("responses", responses);
        return SimResponse.json(200, body);
    }

    /**
     * A recorded {@code $batch} answer names its sub-requests as its recorder did ("1", "2" …);
     * replayed, sub-response "n" answers the caller's n-th request, under the caller's id, in the
     * order Microsoft answered.
     */
    private static SimResponse forCallersIds(SimResponse recorded, SimRequest request) {
        try {
            List<String> ids = new ArrayList<>();
            MAPPER.readTree(request.body()).path("requests").forEach(sub -> ids.add(sub.path("id").asText()));
            JsonNode body = MAPPER.readTree(recorded.body());
            for (JsonNode response : body.path("responses")) {
                String id = response.path("id").asText();
                if (id.matches("\\d{1,2}") && Integer.parseInt(id) >= 1 && Integer.parseInt(id) <= ids.size()) {
                    ((ObjectNode) response).put("id", ids.get(Integer.parseInt(id) - 1));
                }
            }
            return new SimResponse(recorded.status(), recorded.contentType(), MAPPER.writeValueAsBytes(body), recorded.headers());
        } catch (IOException | ClassCastException e) {
            return recorded;
        }
    }

    private static ObjectNode subResponse(String id, SimResponse answer) {
        ObjectNode node = MAPPER.createObjectNode().put("id", id).put("status", answer.status());
        ObjectNode headers = node.putObject("headers");
        answer.headers().forEach(headers::put);
        if (answer.contentType() != null) {
            headers.put("Content-Type", answer.contentType());
        }
        if (answer.contentType() != null && answer.contentType().startsWith("application/json")) {
            try {
                node.set("body", MAPPER.readTree(answer.body()));
            } catch (IOException e) {
                node.put("body", new String(answer.body(), StandardCharsets.UTF_8));
            }
        } else if (answer.body().length > 0) {
            node.put("body", Base64.getEncoder().encodeToString(answer.body()));
        }
        return node;
    }

    private static Optional<SimResponse> requireRole(Set<String> roles, String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return Optional.empty();
            }
        }
        return Optional.of(SimErrors.graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation. Needs one of " + List.of(anyOf) + "."));
    }
}
