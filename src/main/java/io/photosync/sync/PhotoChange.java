package io.photosync.sync;

/** What a successful job changed: copied the Microsoft 365 photo, wrote a kept version back, or set a new photo everywhere. */
public enum PhotoChange {
    SYNC("synced"), RESTORE("restored"), NEW_PHOTO("changed");

    private final String code;

    PhotoChange(String code) {
        this.code = code;
    }

    /** The outcome code of a job that made this change. */
    public String code() {
        return code;
    }
}
