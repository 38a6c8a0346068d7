package io.photosync.sync;

/** Sets a person's Microsoft 365 photo (Exchange Online and Entra ID), the photo everything else copies. */
public interface PhotoWriter {

    /**
     * Writes the photo with the person's own delegated rights; Microsoft 365's photo policy
     * applies to them as it would in Outlook or Teams. Throws {@link RemoteServiceException} when
     * Microsoft 365 refuses or fails.
     */
    void setOwnPhoto(DirectoryUser user, byte[] jpeg);

    /**
     * Writes the photo with PhotoSync's own application permission, for the helpdesk. Throws
     * {@link RemoteServiceException} when Microsoft 365 refuses or fails.
     */
    void setPhotoAppOnly(DirectoryUser user, byte[] jpeg);
}
