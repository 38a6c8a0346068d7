package io.photosync.graph;

import static io.photosync.graph.GraphErrors.failure;
import static io.photosync.graph.GraphErrors.orEmptyOn404;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.UsersRequestBuilder;
import com.microsoft.kiota.ApiException;
import io.photosync.sync.Directory;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.PeopleSearch;
import io.photosync.sync.RemoteServiceException.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users from Microsoft Graph, app-only: one by id or UPN, and people by what someone typed. */
public final class GraphUsers implements Directory, PeopleSearch {

    static final String[] USER_FIELDS = {"id", "userPrincipalName", "displayName", "userType", "mail", "jobTitle", "department",
        "preferredDataLocation"};
    private static final int SUGGESTION_WORDS = 3;

    private static final Logger log = LoggerFactory.getLogger(GraphUsers.class);

    private final GraphServiceClient graph;

    GraphUsers(GraphServiceClient graph) {
        this.graph = graph;
    }

    /** <a href="https://learn.microsoft.com/graph/api/user-get">Get user</a>; empty on 404. */
    @Override
    public Optional<DirectoryUser> findUser(String idOrUserPrincipalName) {
        return orEmptyOn404(() -> graph.users().byUserId(idOrUserPrincipalName).get(request -> request.queryParameters.select = USER_FIELDS))
                .map(GraphUsers::toDirectoryUser);
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
        List<String> words = Arrays.stream(local.split("[\\s._,;()-]+")).filter(word -> word.length() >= 2)
                .limit(SUGGESTION_WORDS).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        String search = words.stream().flatMap(word -> Stream.of("displayName", "mail")
                .map(property -> "\"" + property + ":" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\""))
                .collect(Collectors.joining(" OR "));
        try {
            return listUsers(request -> {
                request.queryParameters.search = search;
                request.queryParameters.select = USER_FIELDS;
                request.queryParameters.top = limit;
                request.headers.add("ConsistencyLevel", "eventual");
            });
        } catch (GraphException e) {
            if (e.kind() != Kind.REJECTED && e.kind() != Kind.PERMISSION_DENIED) {
                throw e;
            }
            // Suggestions are a courtesy: a tenant that refuses the search still hears "no such user".
            log.warn("people search refused, answering without suggestions: {}", e.getMessage());
            return List.of();
        }
    }

    private List<DirectoryUser> listUsers(Consumer<UsersRequestBuilder.GetRequestConfiguration> configure) {
        try {
            var page = graph.users().get(configure::accept);
            return page == null || page.getValue() == null ? List.of() : page.getValue().stream().map(GraphUsers::toDirectoryUser).toList();
        } catch (ApiException e) {
            throw failure(e);
        }
    }

    static DirectoryUser toDirectoryUser(User user) {
        boolean guest = "Guest".equalsIgnoreCase(user.getUserType());
        return new DirectoryUser(user.getId(), user.getUserPrincipalName(), user.getDisplayName(), guest,
                user.getMail(), user.getJobTitle(), user.getDepartment(), user.getPreferredDataLocation());
    }
}
