package io.photosync.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** In sandbox mode, tells the person who just ran {@code ./mvnw spring-boot:run} how to try the bot. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "photosync.sandbox.active", havingValue = "true")
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);
    /** The Agents Playground that src/e2e/package.json pins (a test keeps the two, the README and docs/e2e.md equal). */
    static final String PLAYGROUND = "@microsoft/m365agentsplayground@0.2.28";

    private final SimulatedTenant tenant;

    SandboxConfiguration(SimulatedTenant tenant) {
        this.tenant = tenant;
    }

    /** Stands in for Teams SSO, which the Agents Playground lacks; tests switch it off to drive the sign-in card. */
    @Bean
    SandboxSso sandboxSso(@Value("${photosync.entra.client-id}") String clientId) {
        return new SandboxSso(tenant, clientId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void explain(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "3978");
        StringBuilder people = new StringBuilder();
        int index = 0;
        for (Personas.Persona persona : Personas.all()) {
            people.append(String.format("%n    %-22s %-13s %s", persona.displayName(), index < 6 ? "user-id-" + index : "", persona.what()));
            index++;
        }
        log.info("""

                ── PhotoSync sandbox mode ─────────────────────────────────────────────
                No Microsoft 365 tenant is configured, so PhotoSync runs against a simulated one
                at {} (Entra ID, Graph, SharePoint; nothing leaves this machine).
                Chat with the bot in the Microsoft 365 Agents Playground (Node.js 20.19+), from the
                project's src/e2e folder, whose .m365agentsplayground.yml names these personas:
                    {}
                open http://localhost:56150 and type "sync my photo" (or "synkroniser bildet mitt").
                Switch user in the Playground to try another persona:{}
                ───────────────────────────────────────────────────────────────────────""", tenant.baseUrl(), playgroundCommand(port), people);
    }

    /** What to type to chat with the bot on {@code port}: the pinned Playground, fetched by npx if not installed. */
    static String playgroundCommand(String port) {
        return "npx --yes " + PLAYGROUND + " -e http://localhost:" + port + "/api/messages -c msteams";
    }
}
