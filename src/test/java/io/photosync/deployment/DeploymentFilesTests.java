package io.photosync.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment recipes pass only settings that exist ({@code .env.example} names every one, and
 * {@code EnvironmentExampleTests} checks each reaches its property), probe paths the app serves,
 * and run PhotoSync as it must run: non-root, on a JRE, two replicas or more.
 */
class DeploymentFilesTests {

    static final String READINESS = "/readyz";
    static final String LIVENESS = "/livez";

    @Test
    void dockerComposePassesOnlyRealSettings() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deployment/docker-compose.yml")));
        Map<?, ?> photosync = (Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("photosync");

        assertThat(((Map<?, ?>) photosync.get("environment")).keySet()).isNotEmpty().allSatisfy(name -> assertThat(settings()).contains((String) name));
        assertThat(photosync.get("ports").toString()).contains("3978:3978").doesNotContain("9464");
        assertThat(((Map<?, ?>) photosync.get("environment")).get("PHOTOSYNC_SANDBOX_ENABLED")).as("never the simulated tenant").isEqualTo("false");
    }

    @Test
    void kubernetesRunsTwoReplicasWithRealSettingsAndActuatorProbes() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(Path.of("deployment/kubernetes/photosync.yaml"))).forEach(document -> documents.add(cast(document)));
        Map<String, Object> configMap = kind(documents, "ConfigMap");
        Map<String, Object> deployment = kind(documents, "Deployment");
        Map<String, Object> spec = cast(deployment.get("spec"));
        Map<String, Object> container = cast(((List<?>) cast(cast(spec.get("template")).get("spec")).get("containers")).get(0));

        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        assertThat(cast(configMap.get("data")).keySet()).allSatisfy(name -> assertThat(settings()).contains(name));
        assertThat(cast(configMap.get("data"))).as("never the simulated tenant").containsEntry("PHOTOSYNC_SANDBOX_ENABLED", "false");
        assertThat(kind(documents, "Service").toString()).as("the actuator's port is not published").doesNotContain("9464").doesNotContain("management");
        assertThat((List<?>) container.get("env")).allSatisfy(env -> assertThat(settings()).contains((String) cast(env).get("name")));
        assertThat(cast(cast(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo(READINESS);
        assertThat(cast(cast(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo(LIVENESS);
        assertThat(cast(cast(cast(spec.get("template")).get("spec")).get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
        assertThat(kind(documents, "Service")).isNotNull();
    }

    @Test
    void theAzureTemplatePassesOnlyRealSettingsAndProbesActuator() throws IOException {
        String bicep = Files.readString(Path.of("deployment/azure/main.bicep"));
        Matcher env = Pattern.compile("\\{ name: '([A-Z_]+)', (?:value|secretRef):").matcher(bicep);
        Set<String> names = new LinkedHashSet<>();
        while (env.find()) {
            names.add(env.group(1));
        }

        assertThat(names).hasSizeGreaterThan(8).allSatisfy(name -> assertThat(settings()).contains(name));
        assertThat(bicep).contains("{ name: 'PHOTOSYNC_SANDBOX_ENABLED', value: 'false' }");
        assertThat(bicep).contains("path: '" + READINESS + "'").contains("path: '" + LIVENESS + "'")
                .contains("minReplicas: 2").contains("msaAppType: 'SingleTenant'").contains("keyVaultUrl");
    }

    @Test
    void theImageRunsTheJarOnAJreAsANonRootUser() throws IOException {
        Dockerfile docker = Dockerfile.read(Path.of("deployment/Dockerfile"));

        assertThat(docker.runtimeImage()).endsWith("-jre");
        assertThat(docker.user()).isEqualTo("10001");
        assertThat(docker.exposedPort()).isEqualTo(3978);
        assertThat(docker.environment()).containsEntry("PORT", "3978");
        assertThat(docker.environment().keySet()).allSatisfy(name -> assertThat(settings()).contains(name));
        assertThat(docker.entrypoint()).startsWith("java").contains("-jar", "photosync.jar", "-XX:SharedArchiveFile=photosync.jsa");
        assertThat(docker.workingDirectory()).isEqualTo("/app");
    }

    /** Every setting name {@code .env.example} documents. */
    static Set<String> settings() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                names.add(line.substring(0, line.indexOf('=')));
            }
        }
        return names;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
