package io.photosync.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sandbox mode: when no Entra tenant is configured ({@code photosync.entra.tenant-id} blank),
 * starts the {@link SimulatedTenant} before the application context and points every Microsoft
 * setting at it; with sandbox mode off ({@code photosync.sandbox.enabled=false}, as the
 * deployment recipes and the {@code production} profile set it) no tenant stops start-up. A certificate for the app and one for TLS are made on the spot and written to
 * owner-only temporary files; the TLS one is trusted only by PhotoSync's own HTTP clients.
 */
public final class SandboxEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SANDBOX_APP_ID = "9d7c3b1e-5a8f-4c2d-b6e0-7f4a1c9e2d35";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("photosync.entra.tenant-id", "").isBlank()) {
            return;
        }
        if (!environment.getProperty("photosync.sandbox.enabled", Boolean.class, true)) {
            // Not a guess at what was meant: a deployment that lost its tenant id must not come up
            // anonymous against a simulated tenant, nor half-configured against none.
            throw new IllegalStateException("PHOTOSYNC_ENTRA_TENANT_ID is not set, and sandbox mode is off (PHOTOSYNC_SANDBOX_ENABLED=false "
                    + "or the production profile): PhotoSync has no Microsoft 365 tenant to work with. Set the tenant id (docs/deploy.md), "
                    + "or allow sandbox mode to try it against the simulated tenant.");
        }
        SimulatedTenant tenant = SimulatedTenant.start(TenantOptions.defaults()
                .withPorts(environment.getProperty("photosync.sandbox.port", Integer.class, 9443),
                        environment.getProperty("photosync.sandbox.connector-port", Integer.class, 0))
                .withLatency(environment.getProperty("photosync.sandbox.latency", Duration.class, Duration.ZERO)));
        String clientId = firstNonBlank(environment.getProperty("photosync.entra.client-id"),
                environment.getProperty("photosync.bot.app-id"), SANDBOX_APP_ID);
        Pki.Identity app = Pki.selfSigned("PhotoSync sandbox app");
        tenant.registerApp(clientId, app.certificate(), null);
        Path directory = privateDirectory();

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("photosync.sandbox.active", "true");
        settings.put("photosync.entra.tenant-id", tenant.tenantId());
        settings.put("photosync.entra.client-id", clientId);
        settings.put("photosync.entra.authority-host", tenant.baseUrl());
        settings.put("photosync.entra.instance-discovery", "false");
        settings.put("photosync.entra.certificate-path", Pki.writePrivate(directory, "app.pem", app.pem()).toString());
        settings.put("photosync.graph.base-url", tenant.graphBaseUrl());
        settings.put("photosync.sharepoint.my-site-host", tenant.sharePointHost(Api.SHAREPOINT_MY));
        settings.put("photosync.sharepoint.admin-host", tenant.sharePointHost(Api.SHAREPOINT_ADMIN));
        settings.put("photosync.http.trusted-certificate-path", Pki.writePrivate(directory, "tls.pem", tenant.tlsCertificatePem()).toString());
        // For a channel-issuers setting that names the simulated Entra (docs/simulated-tenant.md).
        settings.put("photosync.sandbox.entra-issuer", tenant.entraIssuer());
        settings.put("photosync.sandbox.entra-metadata-url", tenant.entraMetadataUrl());
        if (environment.getProperty("photosync.bot.open-id-metadata-url", "").isBlank()) {
            settings.put("photosync.bot.open-id-metadata-url", tenant.botConnector().openIdMetadataUrl());
        }
        if (environment.getProperty("photosync.sso.token-key", "").isBlank() && environment.getProperty("photosync.sso.token-key-path", "").isBlank()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            settings.put("photosync.sso.token-key", Base64.getEncoder().encodeToString(key));
        }
        if (environment.getProperty("photosync.helpdesk.operator-groups", "").isBlank()) {
            // Alex Wilber, the Agents Playground's default user, is in the Helpdesk group: an operator,
            // so the helpdesk commands can be tried there.
            settings.put("photosync.helpdesk.operator-groups", Personas.HELPDESK_GROUP);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("photosync-sandbox", settings));
        application.addInitializers(context -> register(context, tenant));
    }

    private static void register(ConfigurableApplicationContext context, SimulatedTenant tenant) {
        context.getBeanFactory().registerSingleton("simulatedTenant", tenant);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                tenant.close();
            }
        });
    }

    private static Path privateDirectory() {
        try {
            Path directory = Files.createTempDirectory("photosync-sandbox-");
            try {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's temp directory is already private to them.
            }
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new IllegalStateException("sandbox mode cannot create its temporary directory", e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }

    /** After Spring Boot's config data, so application.properties and the environment are already read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
