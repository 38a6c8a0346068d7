package io.photosync.web;

/** Where Teams and browsers reach PhotoSync ({@code PHOTOSYNC_BOT_PUBLIC_URL}), without a trailing slash. */
public record PublicUrl(String value) {

    public PublicUrl {
        value = value.replaceAll("/+$", "");
    }

    /** This path under the public URL. */
    String at(String path) {
        return value + path;
    }

    boolean secure() {
        return value.startsWith("https:");
    }
}
