package io.photosync.sync;

/**
 * A user's Microsoft 365 photo as the source serves it.
 *
 * @param bytes the encoded image, as served (JPEG, PNG, any size)
 * @param etag the source's change fingerprint ({@code @odata.mediaEtag}); may be empty
 */
public record SourcePhoto(byte[] bytes, String etag) {

    @Override
    public String toString() {
        return "SourcePhoto[" + bytes.length + " bytes, etag=" + etag + "]";
    }
}
