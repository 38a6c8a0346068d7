package io.photosync.sync;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Looks groups and their members up in the directory. */
public interface GroupDirectory {

    /** Groups whose display name is this name or starts with it (case ignored), at most {@code limit}. */
    List<DirectoryGroup> findGroups(String name, int limit);

    /** Every user in the group, through nested groups too, each once; empty for an unknown group. */
    List<DirectoryUser> transitiveMembers(String groupId);

    /** Which of these groups (object ids) the user belongs to, directly or through nested groups. */
    Set<String> memberOf(String userId, Collection<String> groupIds);
}
