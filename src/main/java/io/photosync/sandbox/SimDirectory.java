package io.photosync.sandbox;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant's directory as Graph serves it: users, groups, and the tenant's photo policy. */
final class SimDirectory {

    private final Map<String, SimUser> usersByKey = new ConcurrentHashMap<>();
    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, SimGroup> groups = new LinkedHashMap<>();
    private volatile String photoPolicySource = "cloud";
    private volatile List<String> photoPolicyAllowedRoles = List.of();
    private volatile boolean photoPolicyWrapped;
    private volatile Duration photoUpdateDelay = Duration.ZERO;

    synchronized SimUser addUser(String id, String userPrincipalName, String displayName, boolean guest) {
        SimUser user = new SimUser(id, userPrincipalName, displayName, guest);
        users.put(id, user);
        usersByKey.put(id.toLowerCase(), user);
        usersByKey.put(userPrincipalName.toLowerCase(), user);
        return user;
    }

    synchronized Collection<SimUser> users() {
        return List.copyOf(users.values());
    }

    /** A user by object id or UPN, case-insensitively; null when unknown. */
    SimUser findUser(String idOrUpn) {
        return idOrUpn == null ? null : usersByKey.get(idOrUpn.toLowerCase());
    }

    SimUser user(String idOrUpn) {
        SimUser user = findUser(idOrUpn);
        if (user == null) {
            throw new IllegalArgumentException("no simulated user " + idOrUpn);
        }
        return user;
    }

    synchronized SimGroup addGroup(String id, String displayName) {
        SimGroup group = new SimGroup(id, displayName);
        groups.put(id.toLowerCase(), group);
        return group;
    }

    synchronized List<SimGroup> groups() {
        return List.copyOf(groups.values());
    }

    /** A group by object id, case-insensitively; null when unknown. */
    synchronized SimGroup findGroup(String id) {
        return id == null ? null : groups.get(id.toLowerCase());
    }

    void setPhotoPolicy(String source, List<String> allowedRoles) {
        this.photoPolicySource = source;
        this.photoPolicyAllowedRoles = List.copyOf(allowedRoles);
    }

    /** How long a photo set through Graph takes before Graph shows it. */
    void setPhotoUpdateDelay(Duration delay) {
        this.photoUpdateDelay = delay;
    }

    Duration photoUpdateDelay() {
        return photoUpdateDelay;
    }

    void setPhotoPolicyWrapped(boolean wrapped) {
        this.photoPolicyWrapped = wrapped;
    }

    boolean photoPolicyWrapped() {
        return photoPolicyWrapped;
    }

    String photoPolicySource() {
        return photoPolicySource;
    }

    List<String> photoPolicyAllowedRoles() {
        return photoPolicyAllowedRoles;
    }
}
