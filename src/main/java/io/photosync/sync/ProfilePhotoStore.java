package io.photosync.sync;

import java.util.Optional;

/** SharePoint Online's copy of users' photos: the rendition files and the profile properties. */
public interface ProfilePhotoStore {

    /** Where the user's profile lives and the picture it shows, or empty when SharePoint has no profile for them yet. */
    Optional<ProfileSite> profileOf(DirectoryUser user);

    /** Writes one rendition file, replacing any earlier one, and returns its absolute URL. */
    String writeRendition(ProfileSite site, String fileName, byte[] jpeg);

    /** Sets one single-valued property of the user's profile. */
    void setProfileProperty(DirectoryUser user, String name, String value);

    /** The picture properties as SharePoint reports them now. */
    ProfilePicture readPicture(DirectoryUser user);

    /** The bytes of the file at this absolute URL, or empty when it does not exist. */
    Optional<byte[]> readFile(ProfileSite site, String absoluteUrl);

    /** Whether PhotoSync may write profiles here (it holds SharePoint's write permission). */
    default boolean writesProfiles() {
        return true;
    }

    /** A link that, opened by the person in their browser, makes SharePoint fetch their photo from Exchange itself. */
    default String pullLink(DirectoryUser user) {
        throw new UnsupportedOperationException("this store cannot have SharePoint pull a photo");
    }
}
