package io.photosync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.annotation.Validated;

/**
 * A setting out of its range stops start-up with the setting's name and what it must be, instead
 * of a sync that divides by zero or a scheduler that polls every nanosecond.
 */
class SettingsValidationTests {

    @Test
    void everySettingsRecordIsValidated() {
        assertThat(SettingsRecords.ALL).hasSizeGreaterThanOrEqualTo(11);
        assertThat(SettingsRecords.ALL).allSatisfy(settings -> assertThat(settings.isAnnotationPresent(Validated.class))
                .as(settings.getSimpleName() + " is @Validated").isTrue());
    }

    @Test
    void theDefaultsAreValid() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            SettingsRecords.ALL.forEach(settings -> assertThat(context).hasSingleBean(settings));
        });
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("photosync.jobs.threads=0", "photosync.jobs.threads"),
                Arguments.of("photosync.jobs.polling-interval=0s", "photosync.jobs.pollingInterval"),
                Arguments.of("photosync.jobs.max-attempts=-1", "photosync.jobs.maxAttempts"),
                Arguments.of("photosync.proactive.tenant-rate=0", "photosync.proactive.tenantRate"),
                Arguments.of("photosync.proactive.first-pause=0s", "photosync.proactive.firstPause"),
                Arguments.of("photosync.graph.base-url=graph.microsoft.com", "must be an http(s) URL"),
                Arguments.of("photosync.graph.photo-size=large", "must be a size such as 648x648"),
                Arguments.of("photosync.http.read-timeout=0s", "photosync.http.readTimeout"),
                Arguments.of("photosync.bot.public-url=localhost:3978", "photosync.bot.publicUrl"),
                Arguments.of("photosync.sync.large-size=10000", "photosync.sync.largeSize"),
                Arguments.of("photosync.sharepoint.budget-per-minute=0", "photosync.sharepoint.budgetPerMinute"),
                Arguments.of("photosync.sharepoint.photo-folder= ", "photosync.sharepoint.photoFolder"),
                Arguments.of("photosync.scan.action=delete", "must be report, fix or nudge"),
                Arguments.of("photosync.helpdesk.operator-role= ", "photosync.helpdesk.operatorRole"),
                Arguments.of("photosync.entra.authority-host=http://login.example", "photosync.entra.authorityHost"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void aSettingOutOfRangeStopsStartUpNamingIt(String setting, String named) {
        runner().withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(named);
        });
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(AllSettings.class);
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** Binds every settings record, as the application's own scan does. */
    @ConfigurationPropertiesScan("io.photosync")
    static class AllSettings {
    }
}
