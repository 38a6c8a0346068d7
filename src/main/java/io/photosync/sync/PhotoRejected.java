package io.photosync.sync;

/** Thrown by the renderer when a source photo cannot be turned into renditions. */
public final class PhotoRejected extends RuntimeException {

    /** Why the photo was refused. */
    public enum Reason {
        /** More bytes than we accept (decompression-bomb guard). */
        TOO_MANY_BYTES,
        /** A side longer than we accept, refused before decoding. */
        TOO_MANY_PIXELS,
        /** Not an image format we can read. */
        NOT_AN_IMAGE,
        /** An image format we know, but the data is damaged or truncated. */
        DAMAGED,
        /** Decoding it would need more memory than the renderer may take (it ran out, or its budget cannot hold it). */
        TOO_LARGE_TO_RENDER
    }

    private final Reason reason;

    PhotoRejected(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
