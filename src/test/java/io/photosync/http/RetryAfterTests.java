package io.photosync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTests {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"120, PT2M", "0, PT0S", "' 7 ', PT7S", "2.128, PT2.128S", "0.5, PT0.5S",
            "'Wed, 02 Dec 2026 12:01:30 GMT', PT1M30S", "'Wed, 02 Dec 2026 11:59:00 GMT', PT0S", "99999999, P1D"})
    void readsSecondsFractionsAndDates(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOW)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-5", "soon", "1e3", "2,5", "1.", ".5", "0x10", "Wed, 32 Dec 2026 12:00:00 GMT", "9999999999999"})
    void hasNoValueForAnythingElse(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
