package io.photosync.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A security group of the simulated directory; members are users and other groups. */
public final class SimGroup {

    private final String id;
    private final String displayName;
    private final List<SimUser> users = new CopyOnWriteArrayList<>();
    private final List<SimGroup> groups = new CopyOnWriteArrayList<>();

    SimGroup(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public SimGroup add(SimUser user) {
        users.add(user);
        return this;
    }

    public SimGroup add(SimGroup group) {
        groups.add(group);
        return this;
    }

    /** Every user reached through this group and the groups nested in it, once each, in order. */
    List<SimUser> transitiveUsers() {
        Map<String, SimUser> found = new LinkedHashMap<>();
        collect(this, found, new HashSet<>());
        return new ArrayList<>(found.values());
    }

    /** Whether the user is a member directly or through nested groups. */
    boolean hasTransitiveMember(String userId) {
        return transitiveUsers().stream().anyMatch(user -> user.id().equalsIgnoreCase(userId));
    }

    private static void collect(SimGroup group, Map<String, SimUser> found, Set<String> visited) {
        if (!visited.add(group.id)) {
            return;
        }
        group.users.forEach(user -> found.putIfAbsent(user.id(), user));
        group.groups.forEach(nested -> collect(nested, found, visited));
    }
}
