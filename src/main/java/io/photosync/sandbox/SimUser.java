package io.photosync.sandbox;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A user of the simulated directory, with their Microsoft 365 photo. Mutable: tests change photos. */
public final class SimUser {

    private final String id;
    private final String userPrincipalName;
    private final String displayName;
    private final boolean guest;
    private volatile Photo photo;

    /** A stored photo: bytes as uploaded, their type and size, and the etag Graph reports. */
    record Photo(byte[] bytes, String contentType, int width, int height, String etag) {
    }

    SimUser(String id, String userPrincipalName, String displayName, boolean guest) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.displayName = displayName;
        this.guest = guest;
    }

    public String id() {
        return id;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean guest() {
        return guest;
    }

    Photo photo() {
        return photo;
    }

    /** Replaces the user's photo, as an upload in Outlook or Teams would; the etag changes. */
    public void setPhoto(byte[] bytes, String contentType, int width, int height) {
        String etag = "\"" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase() + "\"";
        this.photo = new Photo(bytes, contentType, width, height, etag);
    }

    public String photoEtag() {
        Photo current = photo;
        return current == null ? null : current.etag();
    }
}
