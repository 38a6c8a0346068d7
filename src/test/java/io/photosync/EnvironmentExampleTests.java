package io.photosync;

import static org.assertj.core.api.Assertions.assertThat;

import io.photosync.bot.BotProperties;
import io.photosync.http.HttpProperties;
import io.photosync.identity.EntraProperties;
import io.photosync.jobs.JobsProperties;
import io.photosync.sharepoint.SharePointProperties;
import io.photosync.sync.SyncProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code .env.example} names every setting, and every name in it reaches the setting it documents. */
class EnvironmentExampleTests {

    private static final List<String> SANDBOX = List.of("PHOTOSYNC_SANDBOX_ENABLED", "PHOTOSYNC_SANDBOX_PORT",
            "PHOTOSYNC_SANDBOX_CONNECTOR_PORT", "PHOTOSYNC_SANDBOX_LATENCY", "PORT",
            "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");

    @Test
    void namesEverySetting() throws IOException {
        Map<String, String> example = example();
        for (Class<?> settings : SettingsRecords.ALL) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : settings.getRecordComponents()) {
                assertThat(example).as(".env.example").containsKey(environmentName(prefix, component.getName()));
            }
        }
        assertThat(example).containsKeys(SANDBOX.toArray(String[]::new));
    }

    @Test
    void everyNameReachesItsSetting() throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>();
        example().forEach((name, value) -> variables.put(name, value.isEmpty() ? "from-" + name : value));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", variables));
        Binder binder = Binder.get(environment);

        EntraProperties entra = binder.bindOrCreate("photosync.entra", EntraProperties.class);
        assertThat(entra.tenantId()).isEqualTo("from-PHOTOSYNC_ENTRA_TENANT_ID");
        assertThat(entra.certificatePath()).isEqualTo("from-PHOTOSYNC_ENTRA_CERTIFICATE_PATH");
        assertThat(entra.clientSecret()).isEqualTo("from-PHOTOSYNC_ENTRA_CLIENT_SECRET");
        SharePointProperties sharePoint = binder.bindOrCreate("photosync.sharepoint", SharePointProperties.class);
        assertThat(sharePoint.mySiteHost()).isEqualTo("from-PHOTOSYNC_SHAREPOINT_MY_SITE_HOST");
        assertThat(sharePoint.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        BotProperties bot = binder.bindOrCreate("photosync.bot", BotProperties.class);
        assertThat(bot.appId()).isEqualTo("from-PHOTOSYNC_BOT_APP_ID");
        assertThat(bot.openIdMetadataUrl()).isEqualTo("from-PHOTOSYNC_BOT_OPEN_ID_METADATA_URL");
        assertThat(binder.bindOrCreate("photosync.sync", SyncProperties.class).largeSize()).isEqualTo(300);
        assertThat(binder.bindOrCreate("photosync.jobs", JobsProperties.class).subjectLease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(binder.bindOrCreate("photosync.http", HttpProperties.class).trustedCertificatePath())
                .isEqualTo("from-PHOTOSYNC_HTTP_TRUSTED_CERTIFICATE_PATH");
        assertThat(environment.getProperty("photosync.sandbox.connector-port")).isEqualTo("0");
        assertThat(environment.getProperty("photosync.entra.tenant-id")).isEqualTo("from-PHOTOSYNC_ENTRA_TENANT_ID");
    }

    private static String environmentName(String prefix, String component) {
        return (prefix + "_" + component.replaceAll("([a-z])([A-Z])", "$1_$2")).replace('.', '_').replace('-', '_').toUpperCase();
    }

    private static Map<String, String> example() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                variables.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return variables;
    }
}
