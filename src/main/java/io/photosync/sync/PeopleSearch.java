package io.photosync.sync;

import java.util.List;

/** Finds people by what a helpdesk operator typed: an address, a display name, or its start. */
public interface PeopleSearch {

    /**
     * People this text names: for an address, the user whose UPN or mail it is; otherwise those
     * whose display name starts with it (case ignored). At most {@code limit}.
     */
    List<DirectoryUser> find(String who, int limit);

    /** When {@link #find} found nobody: people with a name or address word that starts like a word typed. */
    List<DirectoryUser> suggest(String who, int limit);
}
