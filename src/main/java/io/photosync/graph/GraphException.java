package io.photosync.graph;

import io.photosync.sync.RemoteServiceException;
import java.time.Duration;

/** Microsoft Graph answered with an error we do not turn into a domain value. */
public final class GraphException extends RemoteServiceException {

    private final int status;
    private final String errorCode;

    GraphException(Kind kind, int status, String errorCode, String message, Duration retryAfter, Throwable cause) {
        super(kind, "Microsoft Graph " + status + " " + errorCode + ": " + message, retryAfter, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
