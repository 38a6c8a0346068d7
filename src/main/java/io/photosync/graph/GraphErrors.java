package io.photosync.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.photosync.http.RetryAfter;
import io.photosync.sync.RemoteServiceException.Kind;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one place that reads Graph's error format and turns a documented 404 into "nothing there". */
final class GraphErrors {

    private GraphErrors() {
    }

    /** What {@code call} answers; empty when Graph says 404. */
    static <T> Optional<T> orEmptyOn404(Supplier<T> call) {
        return orEmptyOn(e -> e.getResponseStatusCode() == 404, call);
    }

    /** What {@code call} answers; empty when Graph's error is one that means "nothing there". */
    static <T> Optional<T> orEmptyOn(Predicate<ApiException> nothingThere, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ApiException e) {
            if (nothingThere.test(e)) {
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /** Graph's error code ({@code MailboxNotEnabledForRESTAPI} …), or "" when the body had none. */
    static String codeOf(ApiException e) {
        return e instanceof ODataError odata && odata.getError() != null ? String.valueOf(odata.getError().getCode()) : "";
    }

    static GraphException failure(ApiException e) {
        int status = e.getResponseStatusCode();
        String message = e instanceof ODataError odata && odata.getError() != null ? odata.getError().getMessage() : e.getMessage();
        return new GraphException(kindOf(status), status, codeOf(e), message, retryAfter(e), e);
    }

    /** What an HTTP status means for the caller, whether the whole call or one request inside a batch answered it. */
    static Kind kindOf(int status) {
        return switch (status) {
            case 429 -> Kind.THROTTLED;
            case 401 -> Kind.UNAUTHENTICATED;
            case 403 -> Kind.PERMISSION_DENIED;
            case 500, 502, 503, 504 -> Kind.UNAVAILABLE;
            default -> Kind.REJECTED;
        };
    }

    private static Duration retryAfter(ApiException e) {
        if (e.getResponseHeaders() == null) {
            return null;
        }
        return e.getResponseHeaders().entrySet().stream()
                .filter(h -> "retry-after".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .flatMap(v -> RetryAfter.parse(v).stream())
                .findFirst().orElse(null);
    }
}
