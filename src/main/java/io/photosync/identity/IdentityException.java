package io.photosync.identity;

import io.photosync.sync.RemoteServiceException;
import java.time.Duration;

/** Entra ID did not issue a token. */
public final class IdentityException extends RemoteServiceException {

    IdentityException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(kind, message, retryAfter, cause);
    }
}
