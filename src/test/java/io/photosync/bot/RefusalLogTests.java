package io.photosync.bot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.photosync.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusalLogTests {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final RefusalLog refusals;

    RefusalLogTests() {
        Logger logger = (Logger) LoggerFactory.getLogger("refusal-log-test");
        lines.start();
        logger.addAppender(lines);
        refusals = new RefusalLog(logger, clock);
    }

    @Test
    void writesOneShortLineWithoutAStackTracePerRefusal() {
        refusals.refused(401, "The channel token is not valid.", "f:1", "203.0.113.9");

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("refused 401 The channel token is not valid. activity=f:1 from=203.0.113.9");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void cannotBeMadeToForgeALogLine() {
        refusals.refused(400, "The body is not JSON.", "x\r\n2026-12-01 INFO admin signed in\u001b[2J", "127.0.0.1");

        assertThat(lines.list.get(0).getFormattedMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b")
                .contains("x\\u000d\\u000a2026-12-01 INFO admin signed in\\u001b[2J");
    }

    @Test
    void cutsLongValues() {
        refusals.refused(400, "The body is not JSON.", "a".repeat(10_000), "127.0.0.1");

        assertThat(lines.list.get(0).getFormattedMessage()).hasSizeLessThan(200).contains("a…");
    }

    @Test
    void holdsBackAFloodAndCountsItInTheNextWindow() {
        for (int i = 0; i < 10_000; i++) {
            refusals.refused(401, "The channel token is not valid.", null, "127.0.0.1");
        }
        assertThat(lines.list).hasSize(RefusalLog.PER_WINDOW);

        clock.advance(Duration.ofSeconds(61));
        refusals.refused(401, "The channel token is not valid.", null, "127.0.0.1");

        assertThat(lines.list).hasSize(RefusalLog.PER_WINDOW + 1);
        assertThat(lines.list.get(RefusalLog.PER_WINDOW).getFormattedMessage())
                .endsWith("(" + (10_000 - RefusalLog.PER_WINDOW) + " more refused since the last line)");
    }
}
