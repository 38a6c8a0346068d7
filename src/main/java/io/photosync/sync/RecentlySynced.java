package io.photosync.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user principal names of the people the last syncs looked up, so that what follows a sync
 * (its audit entry) need not ask the directory again for what the sync's own lookup answered.
 * Bounded: the oldest are forgotten first.
 */
public final class RecentlySynced {

    private static final int REMEMBERED = 10_000;

    private final Map<String, String> userPrincipalNames = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The directory, remembering whom it found. */
    Directory remembering(Directory directory) {
        return idOrUserPrincipalName -> {
            Optional<DirectoryUser> found = directory.findUser(idOrUserPrincipalName);
            found.ifPresent(user -> remember(user.objectId(), user.userPrincipalName()));
            return found;
        };
    }

    private synchronized void remember(String objectId, String userPrincipalName) {
        userPrincipalNames.put(objectId.toLowerCase(), userPrincipalName);
    }

    /** The UPN a recent sync found for this object id. */
    public synchronized Optional<String> userPrincipalName(String objectId) {
        return Optional.ofNullable(userPrincipalNames.get(objectId.toLowerCase()));
    }
}
