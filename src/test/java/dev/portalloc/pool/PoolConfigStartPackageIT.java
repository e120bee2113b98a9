package dev.portalloc.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the packaged application ({@code target/quarkus-app/quarkus-run.jar}) with pool settings from system properties,
 * environment variables and a configuration file, against an embedded PostgreSQL, and reads its console output.
 */
class PoolConfigStartPackageIT {

    private static final Path JAR = Paths.get("target", "quarkus-app", "quarkus-run.jar");
    private static final long START_TIMEOUT_SECONDS = 120;

    private static EmbeddedPostgres postgres;

    @TempDir
    Path directory;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void invalidStepStopsStart() throws Exception {
        Run run = start(List.of("-Dportalloc.pools.default.step=0"), Map.of());

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains(
                "Invalid pool configuration: portalloc.pools.default.step is 0 but must be at least 1"), run.output());
        assertFalse(run.output().contains("started in"), run.output());
    }

    @Test
    void invalidRangeFromEnvironmentStopsStart() throws Exception {
        Run run = start(List.of(), Map.of("PORTALLOC_POOLS_DEFAULT_BACKEND_START", "8000"));

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("Invalid pool configuration: portalloc.pools.default.backend-start (8000) is"
                + " above portalloc.pools.default.backend-end (7999); the start must not exceed the end"), run.output());
    }

    @Test
    void environmentVariablesReachPools() throws Exception {
        // config_ordinal below that of environment variables (300), which the file would otherwise inherit.
        Path file = Files.writeString(directory.resolve("pools.properties"), """
                config_ordinal=260
                portalloc.pools.gpu-hosts.backend-start=20000
                portalloc.pools.gpu-hosts.backend-end=20999
                portalloc.pools.gpu-hosts.frontend-start=21000
                portalloc.pools.gpu-hosts.frontend-end=21999
                """);
        Map<String, String> environment = new HashMap<>(Map.of("QUARKUS_CONFIG_LOCATIONS", file.toString(),
                "PORTALLOC_POOLS_GPU_HOSTS_BACKEND_END", "20499",
                "PORTALLOC_POOLS_GPU_HOSTS_RESERVED", "20001,21002"));
        putPool(environment, "PORTALLOC_POOLS_CI2_", 30000);
        putPool(environment, "PORTALLOC_POOLS__EU_GPU__", 40000);
        putPool(environment, "PORTALLOC_POOLS_EU_HOSTS_", 50000);

        Run run = start(List.of(), environment);

        assertTrue(run.output().contains("started in"), run.output());
        assertTrue(run.output().contains("Pool 'gpu-hosts': backend 20000-20499, frontend 21000-21999, step 1, 500 slots,"
                + " reserved ports [20001, 21002]"), run.output());
        assertTrue(run.output().contains("Pool 'ci2': backend 30000-30009, frontend 30010-30019, step 1, 10 slots"),
                run.output());
        assertTrue(run.output().contains("Pool 'eu.gpu': backend 40000-40009, frontend 40010-40019, step 1, 10 slots"),
                run.output());
        assertFalse(run.output().contains("Pool 'eu-hosts'"), run.output());
        assertTrue(run.output().contains("Environment variable PORTALLOC_POOLS_EU_HOSTS_BACKEND_START sets no key of a"
                + " configured pool (ci2, default, eu.gpu, gpu-hosts)"), run.output());
    }

    /** Puts the four range variables of a pool of ten slots, {@code prefix} being everything before the key. */
    private static void putPool(Map<String, String> environment, String prefix, int firstPort) {
        environment.put(prefix + "BACKEND_START", String.valueOf(firstPort));
        environment.put(prefix + "BACKEND_END", String.valueOf(firstPort + 9));
        environment.put(prefix + "FRONTEND_START", String.valueOf(firstPort + 10));
        environment.put(prefix + "FRONTEND_END", String.valueOf(firstPort + 19));
    }

    /**
     * Runs the packaged application until it exits or logs that it started, then stops it. The exit code is -1 when this
     * method stopped it.
     */
    private Run start(List<String> systemProperties, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.datasource.jdbc.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = directory.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (process.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("started in")) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            return new Run(process.isAlive() ? -1 : process.exitValue(), Files.readString(log));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Run(int exitCode, String output) {
    }
}
