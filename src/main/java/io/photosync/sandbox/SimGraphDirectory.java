package io.photosync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's directory calls as PhotoSync makes them: get user, list users by {@code $filter} or
 * {@code $search} (paged, {@code ConsistencyLevel: eventual} enforced), groups by {@code $filter},
 * their transitive user members, and {@code checkMemberGroups}.
 */
final class SimGraphDirectory {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SEARCH_CLAUSE = Pattern.compile("\"([A-Za-z]+):((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 999;

    private final SimIdentity identity;
    private final SimDirectory directory;

    SimGraphDirectory(SimIdentity identity, SimDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /** <a href="https://learn.microsoft.com/graph/api/user-get">Get user</a>: with {@code $select}, only what was selected. */
    SimResponse user(SimRequest request, String idOrUpn) {
        SimUser user = directory.findUser(idOrUpn);
        if (user == null) {
            return notFound(idOrUpn);
        }
        String select = request.query().get("$select");
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", context("users", select) + "/$entity");
        body.setAll(selected(userJson(user), select));
        return SimResponse.json(200, body);
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/user-list">List users</a> with {@code $filter}
     * and {@code $search}. {@code $search} is an advanced query: without the header
     * {@code ConsistencyLevel: eventual} Graph refuses it with 400 {@code Request_UnsupportedQuery}.
     * It matches words of a property that start with the term ({@code "displayName:ali"} finds
     * "Ali Khan" and "Khan, Alison"), clauses joined by {@code OR} / {@code AND}.
     */
    SimResponse users(SimRequest request) {
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
            List<SimUser> items = directory.users().stream().filter(matches).toList();
            return page(request, "/users", "users", items, SimGraphDirectory::userJson);
        } catch (ODataFilter.Unsupported e) {
            return unsupported("Unsupported Query.");
        } catch (ODataFilter.Invalid e) {
            return SimErrors.graph(400, "BadRequest", e.getMessage());
        }
    }

    /** <a href="https://learn.microsoft.com/graph/api/group-list">List groups</a> with {@code $filter}. */
    SimResponse groups(SimRequest request) {
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
            return page(request, "/groups", "groups", items, item -> item);
        } catch (ODataFilter.Unsupported e) {
            return unsupported("Unsupported Query.");
        } catch (ODataFilter.Invalid e) {
            return SimErrors.graph(400, "BadRequest", e.getMessage());
        }
    }

    /** Transitive members cast to groups: refused as reported (without advanced queries); PhotoSync never asks it. */
    static SimResponse groupCastRefused() {
        return unsupported("Invalid search request.");
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/group-list-transitivemembers">List group
     * transitive members</a> cast to users: nested groups expanded, each user once, paged; each
     * item names its type.
     */
    SimResponse transitiveUsers(SimRequest request, String path, String groupId) {
        SimGroup group = directory.findGroup(groupId);
        if (group == null) {
            return notFound(groupId);
        }
        return page(request, path, "users", List.copyOf(group.transitiveUsers()), user -> userJson(user).put("@odata.type", "#microsoft.graph.user"));
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups">checkMemberGroups</a>:
     * which of the given groups (at most 20) the user is in, directly or through nested groups.
     */
    SimResponse checkMemberGroups(SimRequest request, String userId) {
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
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", identity.graphUrl(GraphEndpoint.PREFIX) + "/$metadata#Collection(Edm.String)");
        ArrayNode value = body.putArray("value");
        for (JsonNode id : ids) {
            SimGroup group = directory.findGroup(id.asText());
            if (group != null && group.hasTransitiveMember(user.id())) {
                value.add(group.id());
            }
        }
        return SimResponse.json(200, body);
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
                .put("preferredDataLocation", user.preferredDataLocation())
                .put("accountEnabled", user.accountEnabled());
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
     * One page of a collection: {@code $top} (default 100, at most 999), {@code @odata.nextLink} with
     * a {@code $skiptoken}; only the page's items are turned into JSON (a tenant of 100,000 is paged).
     */
    private <T> SimResponse page(SimRequest request, String path, String entitySet, List<T> items, Function<T, ObjectNode> json) {
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
        String select = request.query().get("$select");
        ObjectNode body = MAPPER.createObjectNode().put("@odata.context", context(entitySet, select));
        ArrayNode value = body.putArray("value");
        items.stream().skip(skip).limit(top).map(json).map(item -> selected(item, select)).forEach(value::add);
        if (skip + top < items.size()) {
            StringBuilder next = new StringBuilder(identity.graphUrl(GraphEndpoint.PREFIX) + path + "?$top=" + top + "&$skiptoken=" + (skip + top));
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

    /** Graph's context URL: {@code $metadata#users}, or {@code $metadata#users(id,mail)} with {@code $select}. */
    private String context(String entitySet, String select) {
        String base = identity.graphUrl(GraphEndpoint.PREFIX) + "/$metadata#" + entitySet;
        return select == null ? base : base + "(" + select.replace(" ", "") + ")";
    }

    /** With {@code $select}, only the selected properties (null ones too, as Graph answers them) and the item's type. */
    private static ObjectNode selected(ObjectNode item, String select) {
        if (select == null) {
            return item;
        }
        ObjectNode kept = MAPPER.createObjectNode();
        if (item.has("@odata.type")) {
            kept.set("@odata.type", item.get("@odata.type"));
        }
        for (String property : select.split(",")) {
            String name = property.strip();
            if (item.has(name)) {
                kept.set(name, item.get(name));
            }
        }
        return kept;
    }

    private static SimResponse unsupported(String message) {
        return SimErrors.graph(400, "Request_UnsupportedQuery", message);
    }

    private static SimResponse notFound(String id) {
        return SimErrors.graph(404, "Request_ResourceNotFound", "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }
}
