package io.photosync.sync;

import java.util.Optional;

/** Looks users up in the directory. */
public interface Directory {

    /** The user with this Entra object id or user principal name, or empty when there is none. */
    Optional<DirectoryUser> findUser(String idOrUserPrincipalName);
}
