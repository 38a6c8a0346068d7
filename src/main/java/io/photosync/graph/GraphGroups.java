package io.photosync.graph;

import static io.photosync.graph.GraphErrors.failure;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.kiota.ApiException;
import io.photosync.sync.DirectoryGroup;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.GroupDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups from Microsoft Graph, app-only: found by name, their members through nested groups, and who is in which. */
public final class GraphGroups implements GroupDirectory {

    /** checkMemberGroups takes at most 20 group ids per call. */
    private static final int GROUPS_PER_CHECK = 20;
    private static final int LARGEST_PAGE = 999;

    private final GraphServiceClient graph;

    GraphGroups(GraphServiceClient graph) {
        this.graph = graph;
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
                request.queryParameters.select = GraphUsers.USER_FIELDS;
                request.queryParameters.top = LARGEST_PAGE;
            });
            while (page != null) {
                if (page.getValue() != null) {
                    page.getValue().forEach(user -> found.putIfAbsent(user.getId(), GraphUsers.toDirectoryUser(user)));
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

    /** <a href="https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups">checkMemberGroups</a>, 20 groups per call. */
    @Override
    public Set<String> memberOf(String userId, Collection<String> groupIds) {
        Set<String> found = new LinkedHashSet<>();
        List<String> all = List.copyOf(groupIds);
        try {
            for (int from = 0; from < all.size(); from += GROUPS_PER_CHECK) {
                var body = new CheckMemberGroupsPostRequestBody();
                body.setGroupIds(all.subList(from, Math.min(all.size(), from + GROUPS_PER_CHECK)));
                var answer = graph.users().byUserId(userId).checkMemberGroups().post(body);
                if (answer != null && answer.getValue() != null) {
                    found.addAll(answer.getValue());
                }
            }
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Set.of();
            }
            throw failure(e);
        }
        return found;
    }
}
