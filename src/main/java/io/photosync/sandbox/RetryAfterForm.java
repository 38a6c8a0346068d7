package io.photosync.sandbox;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the simulated tenant writes an injected {@code Retry-After}: each form has been seen from Microsoft (RFC 9110 allows the first and last). */
public enum RetryAfterForm {

    /** Whole seconds, {@code Retry-After: 120}: what SharePoint and most of Graph send. */
    SECONDS,
    /** Seconds with a fraction, {@code Retry-After: 2.128}: Graph's documented throttling example. */
    FRACTIONAL_SECONDS,
    /** An HTTP date, {@code Retry-After: Wed, 02 Dec 2026 12:01:30 GMT}, rounded up to the next second. */
    HTTP_DATE;

    String header(Duration wait) {
        return switch (this) {
            case SECONDS -> String.valueOf(wait.toSeconds());
            case FRACTIONAL_SECONDS -> String.format(Locale.ROOT, "%.3f", wait.toMillis() / 1000.0);
            case HTTP_DATE -> DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(wait).plusSeconds(1).withNano(0));
        };
    }
}
