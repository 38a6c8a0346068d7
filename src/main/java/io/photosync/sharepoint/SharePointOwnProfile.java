package io.photosync.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.OwnProfile;
import io.photosync.sync.ProfilePicture;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The person's own profile on the My Site host of their geo, with their delegated token:
 * {@code SetMyProfilePicture}, {@code GetMyProperties}, and reading back the file {@code PictureURL}
 * names. SharePoint allows these calls for one's own profile only.
 */
public final class SharePointOwnProfile implements OwnProfile {

    private final SharePointGeos geos;
    private final Function<String, SharePointClient> asPerson;

    /** @param asPerson a client acting as the person with this object id; throws when they have no usable token */
    SharePointOwnProfile(SharePointGeos geos, Function<String, SharePointClient> asPerson) {
        this.geos = geos;
        this.asPerson = asPerson;
    }

    @Override
    public void setMyPicture(DirectoryUser user, byte[] jpeg) {
        asPerson.apply(user.objectId()).setMyProfilePicture(geos.of(user).mySite(), jpeg);
    }

    @Override
    public ProfilePicture myPicture(DirectoryUser user) {
        JsonNode profile = asPerson.apply(user.objectId()).getMyProperties(geos.of(user).mySite());
        return SharePointProfileStore.pictureOf(profile);
    }

    @Override
    public Optional<byte[]> readFile(DirectoryUser user, String absoluteUrl) {
        return asPerson.apply(user.objectId()).getFile(geos.of(user).mySite(), URI.create(absoluteUrl).getPath());
    }
}
