package io.photosync.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code Retry-After} header, read one way for every Microsoft service we call (Graph,
 * SharePoint, Entra, the Bot Connector): delay-seconds as RFC 9110 gives them, the fractional
 * seconds Microsoft documents for some throttling answers ({@code Retry-After: 2.128}), or an
 * HTTP-date. Anything else (empty, negative, not a number, a date that does not parse) means no
 * usable value, and each caller falls back to its own back-off.
 */
public final class RetryAfter {

    /** Longer is not a wait but a mistake (or an attack on our queue): cut to a day. */
    static final Duration LONGEST = Duration.ofDays(1);

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            BigDecimal seconds = new BigDecimal(text);
            Duration wait = Duration.ofNanos(seconds.movePointRight(9).longValue());
            return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
        }
        try {
            Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
