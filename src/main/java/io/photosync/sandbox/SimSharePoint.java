package io.photosync.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The state of the simulated SharePoint Online: files by server-relative URL, and user profiles. */
public final class SimSharePoint {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> profiles = new ConcurrentHashMap<>();
    private final String photoFolder;
    private final AtomicInteger myPictureRefusals = new AtomicInteger();
    private volatile int myPictureRefusalStatus;
    private volatile boolean appOnlyProfileWritesRefused;
    private volatile boolean appOnlyMySiteReadsRefused;

    SimSharePoint(String photoFolder) {
        this.photoFolder = photoFolder;
    }

    /** The server-relative folder of profile photos on the My Site host, e.g. {@code /sp-my/User Photos/Profile Pictures}. */
    String photoFolder() {
        return photoFolder;
    }

    /** A file in the photo folder by name, e.g. {@code <object id>_MThumb.jpg}. */
    public Optional<byte[]> photoFile(String fileName) {
        return file(photoFolder + "/" + fileName);
    }

    Optional<byte[]> file(String serverRelativeUrl) {
        return Optional.ofNullable(files.get(serverRelativeUrl.toLowerCase()));
    }

    void putFile(String serverRelativeUrl, byte[] content) {
        files.put(serverRelativeUrl.toLowerCase(), content);
    }

    /** A property of a user's profile, by UPN; empty when the user or property does not exist. */
    public Optional<String> profileProperty(String userPrincipalName, String property) {
        Map<String, String> profile = profiles.get(accountName(userPrincipalName));
        return profile == null ? Optional.empty() : Optional.ofNullable(profile.get(property));
    }

    /** Sets a profile property as an admin (or an old sync tool) might have left it. */
    public void setProfileProperty(String userPrincipalName, String property, String value) {
        Map<String, String> profile = profiles.get(accountName(userPrincipalName));
        if (profile == null) {
            throw new IllegalArgumentException("no SharePoint profile for " + userPrincipalName);
        }
        profile.put(property, value);
    }

    /** Creates an empty profile, as SharePoint does on the user's first visit. */
    public void createProfile(String userPrincipalName) {
        Map<String, String> profile = new ConcurrentHashMap<>();
        profile.put("AccountName", accountName(userPrincipalName));
        profile.put("UserName", userPrincipalName);
        profile.put("PictureURL", "");
        profile.put("SPS-PicturePlaceholderState", "1");
        profile.put("SPS-PictureTimestamp", "");
        profile.put("SPS-PictureExchangeSyncState", "1");
        profiles.putIfAbsent(accountName(userPrincipalName), profile);
    }

    /**
     * The next {@code times} {@code SetMyProfilePicture} calls fail with this status (500: SharePoint's
     * profile service is down; 403: the person's own rights do not reach their profile).
     */
    public void refuseMyPicture(int times, int status) {
        myPictureRefusalStatus = status;
        myPictureRefusals.set(times);
    }

    Optional<SimResponse> refusalOfMyPicture() {
        if (myPictureRefusals.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(myPictureRefusalStatus == 403
                ? SimErrors.sharePoint(403, "-2147024891, System.UnauthorizedAccessException",
                        "Access denied. You do not have permission to perform this action or access this resource.")
                : SimErrors.sharePoint(myPictureRefusalStatus, "-1, Microsoft.Office.Server.UserProfiles.UserProfileException",
                        "An error was encountered while saving the profile picture."));
    }

    /**
     * A tenant that refuses app-only user-profile writes whatever the app was granted, as one
     * public thread reports ({@code SetSingleValueProfileProperty} answers 403 "Access denied.").
     */
    public void refuseAppOnlyProfileWrites(boolean refused) {
        this.appOnlyProfileWritesRefused = refused;
    }

    /** A tenant where app-only {@code GetPropertiesFor} answers only on the admin host, as PnP documents; 403 on the My Site host. */
    public void refuseAppOnlyMySiteReads(boolean refused) {
        this.appOnlyMySiteReadsRefused = refused;
    }

    boolean appOnlyProfileWritesRefused() {
        return appOnlyProfileWritesRefused;
    }

    boolean appOnlyMySiteReadsRefused() {
        return appOnlyMySiteReadsRefused;
    }

    Map<String, String> profile(String accountName) {
        return profiles.get(accountName.toLowerCase());
    }

    static String accountName(String userPrincipalName) {
        return ("i:0#.f|membership|" + userPrincipalName).toLowerCase();
    }
}
