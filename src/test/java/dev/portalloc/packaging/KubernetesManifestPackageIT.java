package dev.portalloc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The manifest that the Quarkus Kubernetes extension generates at build time, as Kubernetes would read it. */
class KubernetesManifestPackageIT {

    private static JsonNode deployment;
    private static JsonNode container;

    @BeforeAll
    static void readManifest() throws IOException {
        deployment = Manifests.find(Manifests.read(Path.of("target/kubernetes/kubernetes.yml")), "Deployment",
                "port-allocator");
        container = Manifests.container(deployment.path("spec").path("template"), "port-allocator");
    }

    @Test
    void probesUseHealthGroups() {
        assertProbe("livenessProbe", "/q/health/live");
        assertProbe("readinessProbe", "/q/health/ready");
        assertProbe("startupProbe", "/q/health/started");
    }

    @Test
    void resourcesHaveRequestsAndLimits() {
        JsonNode resources = container.path("resources");
        for (String bound : Set.of("requests", "limits")) {
            for (String resource : Set.of("cpu", "memory")) {
                assertFalse(resources.path(bound).path(resource).asText().isEmpty(), bound + "." + resource + " missing");
            }
        }
    }

    @Test
    void databaseSettingsComeFromSecret() {
        assertSecretKey("QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url");
        assertSecretKey("QUARKUS_DATASOURCE_USERNAME", "username");
        assertSecretKey("QUARKUS_DATASOURCE_PASSWORD", "password");
    }

    @Test
    void migrationsRunInService() {
        // A separate migration Job would come with QUARKUS_FLYWAY_ACTIVE=false here, and the readiness check needs Flyway.
        assertTrue(Manifests.env(container, "QUARKUS_FLYWAY_ACTIVE").isMissingNode(), "Flyway is switched off");
    }

    @Test
    void gracePeriodCoversShutdownDelayAndTimeout() {
        String delay = Manifests.env(container, "QUARKUS_SHUTDOWN_DELAY").path("value").asText();
        int grace = deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt();

        assertEquals("5S", delay);
        assertTrue(grace > 5 + 30, "terminationGracePeriodSeconds " + grace + " leaves no room for a 30 s drain");
    }

    @Test
    void generatorJobRunsSameSidecar() throws IOException {
        JsonNode job = Manifests.find(Manifests.read(Path.of("src/docs/kubernetes/generator-job.yml")), "Job",
                "generate-openai-gpt-4-app-7");
        JsonNode sidecar = Manifests.container(job.path("spec").path("template"), "port-allocator");

        assertEquals("Always", sidecar.path("restartPolicy").asText(), "native sidecar restart policy");
        assertEquals(container.path("image").asText(), sidecar.path("image").asText(), "image");
        for (String probe : Set.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals(container.path(probe).path("httpGet").path("path").asText(),
                    sidecar.path(probe).path("httpGet").path("path").asText(), probe + " path");
        }
        for (String variable : Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD")) {
            assertEquals(Manifests.env(container, variable), Manifests.env(sidecar, variable), variable);
        }
    }

    private static void assertProbe(String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), probe + " path");
        assertEquals(8080, get.path("port").asInt(), probe + " port");
    }

    private static void assertSecretKey(String variable, String key) {
        JsonNode reference = Manifests.env(container, variable).path("valueFrom").path("secretKeyRef");
        assertEquals("port-allocator-db", reference.path("name").asText(), variable + " secret");
        assertEquals(key, reference.path("key").asText(), variable + " key");
    }
}
