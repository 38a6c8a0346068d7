package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph v1.0 as PhotoSync uses it: get user, photo metadata, photo bytes by size,
 * groups by {@code $filter} and their transitive members (paged), and {@code $batch} (at most 20 requests; binary bodies base64 in the sub-response; each
 * sub-request throttled on its own). Photo calls are capped at 4 concurrent per mailbox, the
 * Outlook limit Graph documents for photos.
 */
final class GraphEndpoint {

    static final String PREFIX = "/graph/v1.0";
    static final String BETA_PREFIX = "/graph/beta";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern USER = Pattern.compile("/users/([^/]+)");
    private static final Pattern PHOTO = Pattern.compile("/users/([^/]+)/photo");
    private static final Pattern PHOTO_VALUE = Pattern.compile("/users/([^/]+)/photo/\\$value");
    private static final Pattern SIZED_VALUE = Pattern.compile("/users/([^/]+)/photos/(\\d+)x(\\d+)/\\$value");
    private static final Pattern GROUP_USERS = Pattern.compile("/groups/([^/]+)/transitiveMembers/(?:microsoft\\.)?graph\\.user");
    private static final Pattern CHECK_MEMBER_GROUPS = Pattern.compile("/users/([^/]+)/checkMemberGroups");
    private static final Pattern SEARCH_CLAUSE = Pattern.compile("\"([A-Za-z]+):((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String[] GROUP_READERS = {"GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"};
    private static final int MAILBOX_CONCURRENCY = 4;
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 999;

    private final SimIdentity identity;
    private final SimDirectory directory;
    private final Faults faults;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    GraphEndpoint(SimIdentity identity, SimDirectory directory, Faults faults) {
        this.identity = identity;
        this.directory = directory;
        this.faults = faults;
    }

    SimResponse handle(SimRequest request, String path) {
        Optional<JWTClaimsSet> token = identity.accessTokenFor(request, Api.GRAPH);
        if (token.isEmpty()) {
            return SimErrors.graph(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience or token.");
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
            return requireRole(roles, GROUP_READERS).orElseGet(() -> checkMemberGroups(request, check.group(1)));
        }
        if (!"GET".equals(request.method())) {
            return SimErrors.graph(405, "Request_BadRequest", "Method not allowed in the simulated tenant.");
        }
        if ("/users".equals(path)) {
            return requireRole(roles, "User.Read.All", "User.ReadBasic.All", "Directory.Read.All").orElseGet(() -> users(request));
        }
        if ("/groups".equals(path)) {
            return requireRole(roles, GROUP_READERS).orElseGet(() -> groups(request));
        }
        Matcher groupUsers = GROUP_USERS.matcher(path);
        if (groupUsers.matches()) {
            return requireRole(roles, GROUP_READERS).orElseGet(() -> transitiveUsers(request, path, groupUsers.group(1)));
        }
        Matcher user = USER.matcher(path);
        if (user.matches()) {
            return requireRole(roles, "User.Read.All", "User.ReadBasic.All").orElseGet(() -> user(user.group(1)));
        }
        String mailbox = firstSegmentAfterUsers(path);
        Optional<SimResponse> denied = requireRole(roles, "ProfilePhoto.Read.All", "User.Read.All");
        if (denied.isPresent()) {
            return denied.get();
        }
        AtomicInteger running = inFlight.computeIfAbsent(mailbox, k -> new AtomicInteger());
        if (running.incrementAndGet() > MAILBOX_CONCURRENCY) {
            running.decrementAndGet();
            return SimErrors.graph(429, "ApplicationThrottled", "Too many concurrent requests to this mailbox.").withHeader("Retry-After", "1");
        }
        try {
            return photo(path);
        } finally {
            running.decrementAndGet();
        }
    }

    private SimResponse photo(String path) {
        Matcher m;
        if ((m = PHOTO.matcher(path)).matches()) {
            return withPhoto(m.group(1), (user, photo) -> photoMetadata(user, photo, photo.width() + "x" + photo.height(), photo.width(), photo.height()));
        }
        if ((m = PHOTO_VALUE.matcher(path)).matches()) {
            return withPhoto(m.group(1), (user, photo) -> SimResponse.bytes(photo.contentType(), photo.bytes()));
        }
        if ((m = SIZED_VALUE.matcher(path)).matches()) {
            int size = Integer.parseInt(m.group(2));
            return withPhoto(m.group(1), (user, photo) -> photo.width() == photo.height() && photo.width() >= size
                    ? SimResponse.bytes(photo.contentType(), photo.bytes())
                    : imageNotFound());
        }
        return SimErrors.graph(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
    }

    private SimResponse user(String idOrUpn) {
        SimUser user = directory.findUser(idOrUpn);
        if (user == null) {
            return notFound(idOrUpn);
        }
        return SimResponse.json(200, userJson(user).put("@odata.context", identity.baseUrl() + PREFIX + "/$metadata#users/$entity"));
    }

    /** <a href="https://learn.microsoft.com/graph/api/group-list">List groups</a> with {@code $filter}. */
    private SimResponse groups(SimRequest request) {
        List<SimGroup> all = directory.groups();
        String filter = request.query().get("$filter");
        try {
            List<SimGroup> matching = filter == null ? all
                    : all.stream().filter(ODataFilter.<SimGroup>parse(filter, group -> name -> switch (name) {
                        case "id" -> group.id();
                        case "displayName" -> group.displayName();
                        case "securityEnabled" -> true;
                        default -> throw new ODataFilter.Invalid("Property '" + name + "' does not exist as a declared property or extension property.");
                    })).toList();
            List<ObjectNode> items = matching.stream().map(group -> MAPPER.createObjectNode()
                    .put("id", group.id()).put("displayName", group.displayName())
                    .put("securityEnabled", true).put("mailEnabled", false)).toList();
            return page(request, "/groups", "groups", items);
        } catch (ODataFilter.Invalid e) {
            return SimErrors.graph(400, "BadRequest", e.getMessage());
        }
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/group-list-transitivemembers">List group
     * transitive members</a> cast to users: nested groups expanded, each user once, paged.
     */
    private SimResponse transitiveUsers(SimRequest request, String path, String groupId) {
        SimGroup group = directory.findGroup(groupId);
        if (group == null) {
            return notFound(groupId);
        }
        List<ObjectNode> items = group.transitiveUsers().stream()
                .map(user -> userJson(user).put("@odata.type", "#microsoft.graph.user")).toList();
        return page(request, path, "users", items);
    }

    private static ObjectNode userJson(SimUser user) {
        return MAPPER.createObjectNode()
                .put("id", user.id())
                .put("userPrincipalName", user.userPrincipalName())
                .put("displayName", user.displayName())
                .put("userType", user.guest() ? "Guest" : "Member")
                .put("mail", user.mail())
                .put("jobTitle", user.jobTitle())
                .put("department", user.department())
                .put("accountEnabled", user.accountEnabled());
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/user-list">List users</a> with {@code $filter}
     * and {@code $search}. {@code $search} is an advanced query: without the header
     * {@code ConsistencyLevel: eventual} Graph refuses it with 400 {@code Request_UnsupportedQuery}.
     * It matches words of a property that start with the term ({@code "displayName:ali"} finds
     * "Ali Khan" and "Khan, Alison"), clauses joined by {@code OR} / {@code AND}.
     */
    private SimResponse users(SimRequest request) {
        String search = request.query().get("$search");
        boolean eventual = "eventual".equalsIgnoreCase(request.header("consistencylevel"));
        if (search != null && !eventual) {
            return SimErrors.graph(400, "Request_UnsupportedQuery",
                    "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }
        String filter = request.query().get("$filter");
        try {
            Predicate<SimUser> matches = filter == null ? user -> true
                    : ODataFilter.<SimUser>parse(filter, user -> name -> userProperty(user, name));
            if (search != null) {
                matches = matches.and(searchPredicate(search));
            }
            List<ObjectNode> items = directory.users().stream().filter(matches).map(GraphEndpoint::userJson).toList();
            return page(request, "/users", "users", items);
        } catch (ODataFilter.Invalid e) {
            return SimErrors.graph(400, "BadRequest", e.getMessage());
        }
    }

    private static Object userProperty(SimUser user, String name) {
        return switch (name) {
            case "id" -> user.id();
            case "userPrincipalName" -> user.userPrincipalName();
            case "mail" -> user.mail();
            case "displayName" -> user.displayName();
            case "userType" -> user.guest() ? "Guest" : "Member";
            case "accountEnabled" -> user.accountEnabled();
            default -> throw new ODataFilter.Invalid("Property '" + name + "' does not exist as a declared property or extension property.");
        };
    }

    private static Predicate<SimUser> searchPredicate(String search) {
        Predicate<SimUser> all = null;
        Matcher clause = SEARCH_CLAUSE.matcher(search);
        int at = 0;
        String joiner = null;
        while (clause.find()) {
            String between = search.substring(at, clause.start()).strip();
            if (all != null && !between.equalsIgnoreCase("OR") && !between.equalsIgnoreCase("AND")) {
                throw new ODataFilter.Invalid("Syntax error: '" + between + "' in $search.");
            }
            joiner = between;
            String property = clause.group(1);
            String term = clause.group(2).replaceAll("\\\\(.)", "$1").toLowerCase(Locale.ROOT);
            Predicate<SimUser> one = user -> {
                Object value = userProperty(user, property);
                return value instanceof String text && Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s,.@_()\\-]+"))
                        .anyMatch(word -> word.startsWith(term) || text.toLowerCase(Locale.ROOT).startsWith(term));
            };
            all = all == null ? one : "AND".equalsIgnoreCase(joiner) ? all.and(one) : all.or(one);
            at = clause.end();
        }
        if (all == null || !search.substring(at).isBlank()) {
            throw new ODataFilter.Invalid("Syntax error: $search must be \"property:term\" clauses joined with OR or AND.");
        }
        return all;
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups">checkMemberGroups</a>:
     * which of the given groups (at most 20) the user is in, directly or through nested groups.
     */
    private SimResponse checkMemberGroups(SimRequest request, String userId) {
        SimUser user = directory.findUser(userId);
        if (user == null) {
            return notFound(userId);
        }
        JsonNode ids;
        try {
            ids = MAPPER.readTree(request.body()).path("groupIds");
        } catch (IOException e) {
            return SimErrors.graph(400, "BadRequest", "Invalid request body.");
        }
        if (!ids.isArray() || ids.size() > 20) {
            return SimErrors.graph(400, "Request_BadRequest", "groupIds must hold between 1 and 20 ids.");
        }
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", identity.baseUrl() + PREFIX + "/$metadata#Collection(Edm.String)");
        ArrayNode value = body.putArray("value");
        for (JsonNode id : ids) {
            SimGroup group = directory.findGroup(id.asText());
            if (group != null && group.hasTransitiveMember(user.id())) {
                value.add(group.id());
            }
        }
        return SimResponse.json(200, body);
    }

    /** One page of a collection: {@code $top} (default 100, at most 999), {@code @odata.nextLink} with a {@code $skiptoken}. */
    private SimResponse page(SimRequest request, String path, String entitySet, List<ObjectNode> items) {
        int top;
        int skip;
        try {
            top = Integer.parseInt(request.query().getOrDefault("$top", String.valueOf(DEFAULT_PAGE)));
            skip = Integer.parseInt(request.query().getOrDefault("$skiptoken", "0"));
        } catch (NumberFormatException e) {
            return SimErrors.graph(400, "BadRequest", "Invalid paging parameters.");
        }
        if (top < 1 || top > MAX_PAGE || skip < 0) {
            return SimErrors.graph(400, "BadRequest", "Invalid page size specified: '" + top + "'. Must be between 1 and " + MAX_PAGE + " inclusive.");
        }
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", identity.baseUrl() + PREFIX + "/$metadata#" + entitySet);
        ArrayNode value = body.putArray("value");
        items.stream().skip(skip).limit(top).forEach(value::add);
        if (skip + top < items.size()) {
            StringBuilder next = new StringBuilder(identity.baseUrl() + PREFIX + path + "?$top=" + top + "&$skiptoken=" + (skip + top));
            for (String carried : List.of("$select", "$filter")) {
                String parameter = request.query().get(carried);
                if (parameter != null) {
                    next.append('&').append(carried).append('=').append(URLEncoder.encode(parameter, StandardCharsets.UTF_8).replace("+", "%20"));
                }
            }
            body.put("@odata.nextLink", next.toString());
        }
        return SimResponse.json(200, body);
    }

    private static SimResponse notFound(String id) {
        return SimErrors.graph(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private SimResponse photoMetadata(SimUser user, SimUser.Photo photo, String id, int width, int height) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("@odata.context", identity.baseUrl() + PREFIX + "/$metadata#users('" + user.id() + "')/photo/$entity")
                .put("@odata.mediaContentType", photo.contentType())
                .put("@odata.mediaEtag", photo.etag())
                .put("id", id).put("width", width).put("height", height);
        return SimResponse.json(200, body);
    }

    private SimResponse withPhoto(String idOrUpn, BiFunction<SimUser, SimUser.Photo, SimResponse> then) {
        SimUser user = directory.findUser(idOrUpn);
        SimUser.Photo photo = user == null ? null : user.photo();
        if (photo == null && user != null && !user.hasMailbox()) {
            return SimErrors.graph(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        }
        return photo == null ? imageNotFound() : then.apply(user, photo);
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
        if (!"GET".equals(request.method()) || !path.equalsIgnoreCase("/admin/people/photoUpdateSettings")) {
            return SimErrors.graph(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
        }
        return requireRole(SimIdentity.roles(token.get()), "PeopleSettings.Read.All", "PeopleSettings.ReadWrite.All").orElseGet(() -> {
            ObjectNode body = MAPPER.createObjectNode()
                    .put("@odata.context", identity.baseUrl() + BETA_PREFIX + "/$metadata#admin/people/photoUpdateSettings/$entity")
                    .put("id", "photoUpdateSettings")
                    .put("source", directory.photoPolicySource());
            ArrayNode roles = body.putArray("allowedRoles");
            directory.photoPolicyAllowedRoles().forEach(roles::add);
            return SimResponse.json(200, body);
        });
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

    private static String firstSegmentAfterUsers(String path) {
        String rest = path.startsWith("/users/") ? path.substring(7) : path;
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase();
    }

    private static Optional<SimResponse> requireRole(Set<String> roles, String... anyOf) {
        for (String role : anyOf) {
            if (roles.contains(role)) {
                return Optional.empty();
            }
        }
        return Optional.of(SimErrors.graph(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation. Needs one of " + List.of(anyOf) + "."));
    }

    private static SimResponse imageNotFound() {
        return SimErrors.graph(404, "ImageNotFound", "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    }
}
