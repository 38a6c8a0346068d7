package io.photosync.sync;

import java.util.Optional;

/**
 * A person's own SharePoint profile, reached with their delegated rights (after Teams SSO): what
 * "sync my photo" writes through when SharePoint should see the person's own action.
 */
public interface OwnProfile {

    /** {@code SetMyProfilePicture}: uploads the picture as the person; SharePoint makes the renditions. */
    void setMyPicture(DirectoryUser user, byte[] jpeg);

    /** {@code GetMyProperties}: the person's picture properties as SharePoint reports them to them. */
    ProfilePicture myPicture(DirectoryUser user);

    /** A file on the My Site host, read as the person; empty when it does not exist. */
    Optional<byte[]> readFile(DirectoryUser user, String absoluteUrl);
}
