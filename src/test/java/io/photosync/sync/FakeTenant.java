package io.photosync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Hand-written fakes of the sync core's ports, in memory, with switches for failures. */
public final class FakeTenant implements Directory, PhotoSource, ProfilePhotoStore, OwnProfile {

    public static final String HOST = "https://contoso-my.sharepoint.com";

    final Map<String, DirectoryUser> users = new HashMap<>();
    final Map<String, SourcePhoto> photos = new HashMap<>();
    public final Map<String, Map<String, String>> profiles = new HashMap<>();
    public final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    public final List<String> profileLookups = new ArrayList<>();
    RemoteServiceException failOnWrite;
    RemoteServiceException failOnOwnWrite;
    final List<byte[]> ownUploads = new ArrayList<>();
    boolean dropPictureUrl;
    boolean corruptStoredFile;

    public DirectoryUser add(String id, String upn, boolean guest, byte[] photo, boolean profile) {
        DirectoryUser user = new DirectoryUser(id, upn, upn, guest);
        users.put(id, user);
        if (photo != null) {
            photos.put(id, new SourcePhoto(photo, "\"etag-" + id + "\""));
        }
        if (profile) {
            profiles.put(user.accountName(), new HashMap<>(Map.of("PictureURL", "", "SPS-PicturePlaceholderState", "1")));
        }
        return user;
    }

    @Override
    public synchronized Optional<DirectoryUser> findUser(String objectId) {
        return Optional.ofNullable(users.get(objectId));
    }

    @Override
    public synchronized Optional<SourcePhoto> photoOf(String objectId) {
        return Optional.ofNullable(photos.get(objectId));
    }

    @Override
    public synchronized Optional<ProfileSite> profileOf(DirectoryUser user) {
        profileLookups.add(user.objectId());
        return profiles.containsKey(user.accountName()) ? Optional.of(new ProfileSite(HOST, readPicture(user))) : Optional.empty();
    }

    /** When set, each upload waits until this many are under way at once (or gives up after 5 s): whether they go out together. */
    volatile CountDownLatch uploadsUnderWay;
    volatile boolean uploadsWereTogether = true;

    @Override
    public String writeRendition(ProfileSite site, String fileName, byte[] jpeg) {
        CountDownLatch together = uploadsUnderWay;
        if (together != null) {
            together.countDown();
            try {
                uploadsWereTogether &= together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stored(site, fileName, jpeg);
    }

    private synchronized String stored(ProfileSite site, String fileName, byte[] jpeg) {
        if (failOnWrite != null) {
            throw failOnWrite;
        }
        String url = site.personalSiteHostUrl() + "/User%20Photos/Profile%20Pictures/" + fileName;
        files.put(url, corruptStoredFile ? new byte[] {1, 2, 3} : jpeg);
        writes.add(fileName);
        return url;
    }

    @Override
    public synchronized void setProfileProperty(DirectoryUser user, String name, String value) {
        if (!(dropPictureUrl && name.equals("PictureURL"))) {
            profiles.get(user.accountName()).put(name, value);
        }
        writes.add(name);
    }

    @Override
    public synchronized ProfilePicture readPicture(DirectoryUser user) {
        Map<String, String> profile = profiles.get(user.accountName());
        return new ProfilePicture(profile.get("PictureURL"), profile.get("SPS-PicturePlaceholderState"));
    }

    /** Whether PhotoSync holds SharePoint's write permission here (auto mode asks). */
    boolean writesProfiles = true;

    @Override
    public synchronized boolean writesProfiles() {
        return writesProfiles;
    }

    @Override
    public synchronized String pullLink(DirectoryUser user) {
        return HOST + "/_layouts/15/userphoto.aspx?size=L&accountname=" + user.userPrincipalName();
    }

    @Override
    public synchronized Optional<byte[]> readFile(ProfileSite site, String absoluteUrl) {
        return Optional.ofNullable(files.get(absoluteUrl));
    }

    /** SharePoint's own SetMyProfilePicture: it names the files itself and sets the properties. */
    @Override
    public synchronized void setMyPicture(DirectoryUser user, byte[] jpeg) {
        if (failOnOwnWrite != null) {
            throw failOnOwnWrite;
        }
        ownUploads.add(jpeg);
        String url = HOST + "/User%20Photos/Profile%20Pictures/" + user.userPrincipalName().replaceAll("\\W", "_") + "_MThumb.jpg";
        files.put(url, new byte[] {(byte) 0xFF, (byte) 0xD8, 42});
        Map<String, String> profile = profiles.get(user.accountName());
        profile.put("PictureURL", url);
        profile.put("SPS-PicturePlaceholderState", "0");
        writes.add("SetMyProfilePicture");
    }

    @Override
    public synchronized ProfilePicture myPicture(DirectoryUser user) {
        ProfilePicture picture = readPicture(user);
        return new ProfilePicture(picture.pictureUrl().isEmpty() ? "" : picture.pictureUrl() + "?t=63900000000", picture.placeholderState());
    }

    @Override
    public synchronized Optional<byte[]> readFile(DirectoryUser user, String absoluteUrl) {
        return Optional.ofNullable(files.get(absoluteUrl));
    }

    static RemoteServiceException fault(RemoteServiceException.Kind kind, Duration retryAfter) {
        return new RemoteServiceException(kind, "simulated " + kind, retryAfter, null) {
        };
    }
}
