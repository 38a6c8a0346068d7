package io.photosync.graph;

import com.microsoft.graph.models.ProfilePhoto;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.UserCollectionResponse;
import io.photosync.http.RetryAfter;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryGroup;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.GroupDirectory;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.PhotoInspection;
import io.photosync.sync.TenantDirectory;
import io.photosync.sync.PhotoSource;
import io.photosync.sync.RemoteServiceException.Kind;
import io.photosync.sync.SourcePhoto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Users, groups and photos from Microsoft Graph, app-only. */
public final class GraphClient implements Directory, GroupDirectory, PeopleSearch, PhotoSource, PhotoInspection, TenantDirectory {

    private static final String[] USER_FIELDS = {"id", "userPrincipalName", "displayName", "userType", "mail", "jobTitle", "department"};
    /** checkMemberGroups takes at most 20 group ids per call. */
    private static final int GROUPS_PER_CHECK = 20;
    private static final int SUGGESTION_WORDS = 3;
    private static final int LARGEST_PAGE = 999;

    private final GraphServiceClient graph;
    private final GraphProperties properties;

    GraphClient(GraphServiceClient graph, GraphProperties properties) {
        this.graph = graph;
        this.properties = properties;
    }

    /** <a href="https://learn.microsoft.com/graph/api/user-get">Get user</a>; empty on 404. */
    @Override
    public Optional<DirectoryUser> findUser(String idOrUserPrincipalName) {
        return orEmptyOn404(() -> graph.users().byUserId(idOrUserPrincipalName)
                .get(request -> request.queryParameters.select = USER_FIELDS))
                .map(GraphClient::toDirectoryUser);
    }

    /** <a href="https://learn.microsoft.com/graph/api/group-list">List groups</a> filtered by display name. */
    @Override
    public List<DirectoryGroup> findGroups(String name, int limit) {
        String literal = ODataLiteral.of(name.strip());
        try {
            var page = graph.groups().get(request -> {
                request.queryParameters.filter = "displayName eq " + literal + " or startswith(displayName," + literal + ")";
                request.queryParameters.select = new String[] {"id", "displayName"};
                request.queryParameters.top = limit;
            });
            List<Group> groups = page == null || page.getValue() == null ? List.of() : page.getValue();
            return groups.stream().map(group -> new DirectoryGroup(group.getId(), group.getDisplayName())).toList();
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/group-list-transitivemembers">List group
     * transitive members</a>, users only, following {@code @odata.nextLink} to the last page.
     */
    @Override
    public List<DirectoryUser> transitiveMembers(String groupId) {
        var members = graph.groups().byGroupId(groupId).transitiveMembers().graphUser();
        Map<String, DirectoryUser> found = new LinkedHashMap<>();
        try {
            UserCollectionResponse page = members.get(request -> {
                request.queryParameters.select = USER_FIELDS;
                request.queryParameters.top = LARGEST_PAGE;
            });
            while (page != null) {
                if (page.getValue() != null) {
                    page.getValue().forEach(user -> found.putIfAbsent(user.getId(), toDirectoryUser(user)));
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : members.withUrl(next).get();
            }
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return List.of();
            }
            throw failure(e);
        }
        return new ArrayList<>(found.values());
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/profilephoto-get">Get profilePhoto</a>: the
     * metadata (for the {@code @odata.mediaEtag}), then the bytes at the configured size, falling
     * back to the largest available when that size does not exist. Empty when the user has no photo.
     */
    @Override
    public Optional<SourcePhoto> photoOf(String objectId) {
        Optional<ProfilePhoto> metadata = orEmptyOn404(() -> graph.users().byUserId(objectId).photo().get());
        if (metadata.isEmpty() || isPlaceholder(metadata.get())) {
            return Optional.empty();
        }
        Optional<byte[]> bytes = orEmptyOn404(() -> read(graph.users().byUserId(objectId).photos()
                .byProfilePhotoId(properties.photoSize()).content().get()));
        if (bytes.isEmpty()) {
            bytes = orEmptyOn404(() -> read(graph.users().byUserId(objectId).photo().content().get()));
        }
        return bytes.map(b -> new SourcePhoto(b, etagOf(metadata.get())));
    }

    /** How often a request throttled inside a batch is tried again on its own before the scan gives up on it. */
    private static final int BATCH_RETRIES = 3;
    private static final Duration LONGEST_BATCH_WAIT = Duration.ofSeconds(30);

    /**
     * <a href="https://learn.microsoft.com/graph/api/user-list">List users</a>: enabled members, 999
     * a page; the cursor is Graph's own {@code @odata.nextLink}.
     */
    @Override
    public MemberPage enabledMembers(String cursor) {
        try {
            var page = cursor == null
                    ? graph.users().get(request -> {
                        request.queryParameters.filter = "accountEnabled eq true and userType eq 'Member'";
                        request.queryParameters.select = USER_FIELDS;
                        request.queryParameters.top = LARGEST_PAGE;
                    })
                    : graph.users().withUrl(cursor).get();
            List<DirectoryUser> members = page == null || page.getValue() == null ? List.of()
                    : page.getValue().stream().map(GraphClient::toDirectoryUser).toList();
            return new MemberPage(members, page == null ? null : page.getOdataNextLink());
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /**
     * <a href="https://learn.microsoft.com/graph/json-batching">JSON batching</a> of photo metadata:
     * sub-responses are matched by their id; 404 means no photo; a 429 sub-response is sent again
     * alone, after the longest {@code Retry-After} among them.
     */
    @Override
    public Map<String, PhotoMetadata> photoMetadata(List<String> objectIds) {
        if (objectIds.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " users per batch, not " + objectIds.size());
        }
        Map<String, PhotoMetadata> found = new LinkedHashMap<>();
        List<String> pending = List.copyOf(objectIds);
        for (int round = 0; !pending.isEmpty(); round++) {
            Map<String, Duration> throttled = batchRound(pending, found);
            if (throttled.isEmpty()) {
                break;
            }
            if (round == BATCH_RETRIES) {
                Duration wait = throttled.values().stream().max(Duration::compareTo).orElse(Duration.ofMinutes(1));
                throw new GraphException(io.photosync.sync.RemoteServiceException.Kind.THROTTLED, 429, "TooManyRequests",
                        throttled.size() + " photo requests stayed throttled in a batch", wait, null);
            }
            sleep(throttled.values().stream().max(Duration::compareTo).orElse(Duration.ofSeconds(1)));
            pending = List.copyOf(throttled.keySet());
        }
        return found;
    }

    /** One {@code $batch}; fills {@code found}, returns the throttled ids with their Retry-After. */
    private Map<String, Duration> batchRound(List<String> objectIds, Map<String, PhotoMetadata> found) {
        var batch = new com.microsoft.graph.core.content.BatchRequestContent(graph);
        Map<String, String> userOfStep = new LinkedHashMap<>();
        for (String objectId : objectIds) {
            userOfStep.put(batch.addBatchRequestStep(graph.users().byUserId(objectId).photo().toGetRequestInformation()), objectId);
        }
        Map<String, Duration> throttled = new LinkedHashMap<>();
        try {
            var responses = graph.getBatchRequestBuilder().post(batch, null);
            Map<String, Integer> statuses = responses.getResponsesStatusCode();
            for (Map.Entry<String, String> step : userOfStep.entrySet()) {
                int status = statuses.getOrDefault(step.getKey(), 0);
                if (status == 200) {
                    ProfilePhoto photo = responses.getResponseById(step.getKey(), ProfilePhoto::createFromDiscriminatorValue);
                    found.put(step.getValue(), photo == null || isPlaceholder(photo) ? new PhotoMetadata(false, null) : new PhotoMetadata(true, etagOf(photo)));
                } else if (status == 404) {
                    found.put(step.getValue(), new PhotoMetadata(false, null));
                } else if (status == 429 || status == 503) {
                    okhttp3.Response response = responses.getResponseById(step.getKey());
                    String header = response == null ? null : response.header("Retry-After");
                    Duration wait = RetryAfter.parse(header).orElse(Duration.ofSeconds(1));
                    throttled.put(step.getValue(), wait.compareTo(LONGEST_BATCH_WAIT) > 0 ? LONGEST_BATCH_WAIT : wait);
                } else {
                    throw new GraphException(io.photosync.sync.RemoteServiceException.Kind.REJECTED, status, "BatchItemFailed",
                            "the photo of " + step.getValue() + " answered " + status + " inside a batch", null, null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ApiException e) {
            throw failure(e);
        }
        return throttled;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(io.photosync.sync.RemoteServiceException.Kind.UNAVAILABLE, 0, "", "interrupted", null, e);
        }
    }

    /** Graph's error codes for "this person has no Exchange Online mailbox", historically the reason for no photo. */
    private static final java.util.Set<String> NO_MAILBOX = java.util.Set.of("MailboxNotEnabledForRESTAPI", "MailboxNotHostedInExchangeOnline",
            "ErrorMailboxNotFound", "ErrorNonExistentMailbox");

    @Override
    public SourcePhotoState sourcePhoto(String objectId) {
        try {
            ProfilePhoto metadata = graph.users().byUserId(objectId).photo().get();
            if (metadata == null || isPlaceholder(metadata)) {
                return new SourcePhotoState(false, null, false);
            }
            return new SourcePhotoState(true, etagOf(metadata), false);
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                String code = e instanceof ODataError odata && odata.getError() != null ? String.valueOf(odata.getError().getCode()) : "";
                return new SourcePhotoState(false, null, NO_MAILBOX.contains(code));
            }
            throw failure(e);
        }
    }

    /**
     * The tenant's <a href="https://learn.microsoft.com/graph/api/resources/photoupdatesettings">photoUpdateSettings</a>
     * (Graph beta only; application permission {@code PeopleSettings.Read.All}); empty without that permission.
     */
    @Override
    public Optional<PhotoPolicy> photoPolicy() {
        var request = new com.microsoft.kiota.RequestInformation();
        request.httpMethod = com.microsoft.kiota.HttpMethod.GET;
        request.setUri(java.net.URI.create(properties.baseUrl().replaceAll("/v1\\.0/?$", "/beta") + "/admin/people/photoUpdateSettings"));
        request.headers.add("Accept", "application/json");
        java.util.HashMap<String, com.microsoft.kiota.serialization.ParsableFactory<? extends com.microsoft.kiota.serialization.Parsable>> errors = new java.util.HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        try (InputStream body = graph.getRequestAdapter().sendPrimitive(request, errors, InputStream.class)) {
            if (body == null) {
                return Optional.empty();
            }
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            List<String> roles = new ArrayList<>();
            json.path("allowedRoles").forEach(role -> roles.add(role.asText()));
            return Optional.of(new PhotoPolicy(json.path("source").asText("cloud"), List.copyOf(roles)));
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 403 || e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirectoryUser toDirectoryUser(User user) {
        boolean guest = "Guest".equalsIgnoreCase(user.getUserType());
        return new DirectoryUser(user.getId(), user.getUserPrincipalName(), user.getDisplayName(), guest,
                user.getMail(), user.getJobTitle(), user.getDepartment());
    }

    /**
     * <a href="https://learn.microsoft.com/graph/api/user-list">List users</a>: an address by
     * {@code userPrincipalName} or {@code mail}, anything else by {@code startswith(displayName,…)}.
     * What was typed is only ever an escaped OData literal.
     */
    @Override
    public List<DirectoryUser> find(String who, int limit) {
        String text = who.strip();
        String literal = ODataLiteral.of(text);
        String filter = text.contains("@")
                ? "userPrincipalName eq " + literal + " or mail eq " + literal
                : "startswith(displayName," + literal + ")";
        return listUsers(request -> {
            request.queryParameters.filter = filter;
            request.queryParameters.select = USER_FIELDS;
            request.queryParameters.top = limit;
        });
    }

    /**
     * Graph's {@code $search} (an advanced query: {@code ConsistencyLevel: eventual}) on the first
     * words typed, in display names and addresses: "alise@contoso.com" suggests Alise and Alison.
     */
    @Override
    public List<DirectoryUser> suggest(String who, int limit) {
        String local = who.strip().contains("@") ? who.strip().substring(0, who.strip().indexOf('@')) : who.strip();
        List<String> words = java.util.Arrays.stream(local.split("[\\s._,;()-]+")).filter(word -> word.length() >= 2)
                .limit(SUGGESTION_WORDS).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        String search = words.stream().flatMap(word -> java.util.stream.Stream.of("displayName", "mail")
                .map(property -> "\"" + property + ":" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\""))
                .collect(java.util.stream.Collectors.joining(" OR "));
        return listUsers(request -> {
            request.queryParameters.search = search;
            request.queryParameters.select = USER_FIELDS;
            request.queryParameters.top = limit;
            request.headers.add("ConsistencyLevel", "eventual");
        });
    }

    private List<DirectoryUser> listUsers(java.util.function.Consumer<com.microsoft.graph.users.UsersRequestBuilder.GetRequestConfiguration> configure) {
        try {
            var page = graph.users().get(configure::accept);
            return page == null || page.getValue() == null ? List.of() : page.getValue().stream().map(GraphClient::toDirectoryUser).toList();
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    /** <a href="https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups">checkMemberGroups</a>, 20 groups per call. */
    @Override
    public java.util.Set<String> memberOf(String userId, java.util.Collection<String> groupIds) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        List<String> all = List.copyOf(groupIds);
        try {
            for (int from = 0; from < all.size(); from += GROUPS_PER_CHECK) {
                var body = new com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody();
                body.setGroupIds(all.subList(from, Math.min(all.size(), from + GROUPS_PER_CHECK)));
                var answer = graph.users().byUserId(userId).checkMemberGroups().post(body);
                if (answer != null && answer.getValue() != null) {
                    found.addAll(answer.getValue());
                }
            }
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return java.util.Set.of();
            }
            throw failure(e);
        }
        return found;
    }

    /** Graph documents a 1x1 image/gif with an empty etag as another way of saying "no photo". */
    private static boolean isPlaceholder(ProfilePhoto photo) {
        return Integer.valueOf(1).equals(photo.getWidth()) && Integer.valueOf(1).equals(photo.getHeight())
                && etagOf(photo).isEmpty();
    }

    private static String etagOf(ProfilePhoto photo) {
        Object etag = photo.getAdditionalData().get("@odata.mediaEtag");
        return etag == null ? "" : etag.toString();
    }

    private static byte[] read(InputStream in) {
        if (in == null) {
            return null;
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Optional<T> orEmptyOn404(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /** The one place that reads Graph's error format. */
    private static GraphException failure(ApiException e) {
        int status = e.getResponseStatusCode();
        String code = "";
        String message = e.getMessage();
        if (e instanceof ODataError odata && odata.getError() != null) {
            code = String.valueOf(odata.getError().getCode());
            message = odata.getError().getMessage();
        }
        Kind kind = switch (status) {
            case 429 -> Kind.THROTTLED;
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.PERMISSION_DENIED;
            case 500, 502, 503, 504 -> Kind.UNAVAILABLE;
            default -> Kind.REJECTED;
        };
        return new GraphException(kind, status, code, message, retryAfter(e), e);
    }

    private static Duration retryAfter(ApiException e) {
        if (e.getResponseHeaders() == null) {
            return null;
        }
        return e.getResponseHeaders().entrySet().stream()
                .filter(h -> "retry-after".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .flatMap(v -> RetryAfter.parse(v).stream())
                .findFirst().orElse(null);
    }
}
