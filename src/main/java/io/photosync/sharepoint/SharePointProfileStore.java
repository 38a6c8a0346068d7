package io.photosync.sharepoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.photosync.sync.DirectoryUser;
import io.photosync.sync.ProfilePhotoStore;
import io.photosync.sync.ProfilePicture;
import io.photosync.sync.ProfileSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The sync core's view of SharePoint: rendition files in {@code User Photos} and profile properties. */
public final class SharePointProfileStore implements ProfilePhotoStore {

    private final SharePointClient client;
    private final SharePointProperties properties;
    private final SharePointGeos geos;
    private final BooleanSupplier writes;

    /** @param writes whether PhotoSync's app token carries SharePoint's write permission for user profiles */
    SharePointProfileStore(SharePointClient client, SharePointProperties properties, SharePointGeos geos, BooleanSupplier writes) {
        this.client = client;
        this.properties = properties;
        this.geos = geos;
        this.writes = writes;
    }

    @Override
    public boolean writesProfiles() {
        return writes.getAsBoolean();
    }

    /**
     * The configured page, or the person's own large photo on the My Site host: SharePoint fetches a
     * photo from Exchange when the person's own large photo is asked for (the classic
     * {@code userphoto.aspx} trigger, which Microsoft does not document), or when a page with a
     * People web part shows them.
     */
    @Override
    public String pullLink(DirectoryUser user) {
        String upn = URLEncoder.encode(user.userPrincipalName(), StandardCharsets.UTF_8);
        String template = properties.pullUrl() == null || properties.pullUrl().isBlank()
                ? geos.of(user).mySite() + "/_layouts/15/userphoto.aspx?size=L&accountname={upn}" : properties.pullUrl();
        return template.replace("{upn}", upn);
    }

    /** Read on the admin host of the person's geo, where their profile lives. */
    @Override
    public Optional<ProfileSite> profileOf(DirectoryUser user) {
        // App-only, GetPropertiesFor is documented (PnP) to answer on the admin host; some tenants refuse it on the My Site host.
        SharePointGeos.Hosts geo = geos.of(user);
        return client.getPropertiesFor(geo.admin(), user.accountName()).map(profile -> new ProfileSite(geo.mySite(), pictureOf(profile)));
    }

    @Override
    public String writeRendition(ProfileSite site, String fileName, byte[] jpeg) {
        String serverRelative = client.addFile(site.personalSiteHostUrl(), folderOf(site), fileName, jpeg);
        return origin(site.personalSiteHostUrl()) + SharePointClient.encodePath(serverRelative);
    }

    @Override
    public void setProfileProperty(DirectoryUser user, String name, String value) {
        client.setSingleValueProfileProperty(geos.of(user).admin(), user.accountName(), name, value);
    }

    @Override
    public ProfilePicture readPicture(DirectoryUser user) {
        JsonNode profile = client.getPropertiesFor(geos.of(user).admin(), user.accountName()).orElseThrow(
                () -> new IllegalStateException("the profile of " + user.userPrincipalName() + " disappeared while it was being written"));
        return pictureOf(profile);
    }

    /** The picture properties of a {@code GetPropertiesFor} / {@code GetMyProperties} answer. */
    static ProfilePicture pictureOf(JsonNode profile) {
        return new ProfilePicture(property(profile, "PictureURL"), property(profile, "SPS-PicturePlaceholderState"),
                property(profile, "SPS-PictureTimestamp"));
    }

    @Override
    public Optional<byte[]> readFile(ProfileSite site, String absoluteUrl) {
        return client.getFile(site.personalSiteHostUrl(), URI.create(absoluteUrl).getPath());
    }

    /** The server-relative URL of the photo folder; a host may itself sit below a path. */
    private String folderOf(ProfileSite site) {
        return URI.create(site.personalSiteHostUrl()).getPath().replaceAll("/+$", "")
                + "/" + properties.photoLibrary() + "/" + properties.photoFolder();
    }

    private static String origin(String host) {
        URI uri = URI.create(host);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String property(JsonNode profile, String key) {
        for (JsonNode entry : profile.path("UserProfileProperties")) {
            if (key.equals(entry.path("Key").asText())) {
                return entry.path("Value").asText("");
            }
        }
        return "";
    }
}
