package io.photosync.sync;

/**
 * A Microsoft service refused one of PhotoSync's own (app-only) calls outright, which trying again
 * will not change: which call, on which host, what the app needs for it, and the service's words.
 * SharePoint's user-profile calls are refused this way in tenants that withhold the application
 * permission, and every app-only call whose token came from a client secret.
 */
public final class RefusedCall extends RemoteServiceException {

    /** What {@link #needs()} says when SharePoint refused the token itself: app-only needs a certificate. */
    public static final String CERTIFICATE = "certificate";

    private final String call;
    private final String host;
    private final String needs;
    private final String said;

    /**
     * @param needs the application permission the call needs ({@code User.ReadWrite.All}), or {@link #CERTIFICATE}
     */
    public RefusedCall(Kind kind, String call, String host, String needs, String said) {
        super(kind, call + " on " + host + " refused: " + said, null, null);
        this.call = call;
        this.host = host;
        this.needs = needs;
        this.said = said;
    }

    public String call() {
        return call;
    }

    public String host() {
        return host;
    }

    public String needs() {
        return needs;
    }

    public String said() {
        return said;
    }
}
