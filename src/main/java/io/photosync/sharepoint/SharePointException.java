package io.photosync.sharepoint;

import io.photosync.sync.RemoteServiceException;
import java.time.Duration;

/** SharePoint REST answered with an error. */
public final class SharePointException extends RemoteServiceException {

    private final int status;
    private final String errorCode;
    private final String said;

    SharePointException(Kind kind, int status, String errorCode, String message, Duration retryAfter) {
        super(kind, "SharePoint " + status + (errorCode.isEmpty() ? "" : " " + errorCode) + ": " + message, retryAfter, null);
        this.status = status;
        this.errorCode = errorCode;
        this.said = message == null ? "" : message;
    }

    /** SharePoint's own words, without the status and code in front. */
    String said() {
        return said;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
