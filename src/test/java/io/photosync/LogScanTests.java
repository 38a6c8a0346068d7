package io.photosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogScanTests {

    @Test
    void findsTokensAndPhotosButNotOrdinaryLines() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiIxMjM0NTY3OCJ9.c2lnbmF0dXJl";
        List<String> lines = List.of(
                "12:00:00.000 INFO  [main] io.photosync.bot: job 42 for 00000000-0000-0000-0000-0000000000022: synced",
                "12:00:00.001 DEBUG [main] x: Authorization: Bearer " + jwt,
                "12:00:00.002 WARN  [main] y: card {\"url\":\"data:image/jpeg;base64,/9j/4AAQSkZJRgABAgAAAQ\"}");

        assertThat(LogScan.findings(lines)).containsExactly("line 2: a JWT (eyJhbGciOiJS…)", "line 3: photo bytes");
    }
}
