package dev.portalloc.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PoolEnvironmentTest {

    @Test
    void variablesOfConfiguredPoolsMatch() {
        List<String> variables = List.of("PORTALLOC_POOLS_DEFAULT_BACKEND_END", "PORTALLOC_POOLS_GPU_HOSTS_RESERVED",
                "PORTALLOC_POOLS_GPU_HOSTS_MODELS", "PORTALLOC_POOLS__EU_GPU__STEP", "PORTALLOC_POOLS_EU_GPU_FRONTEND_START",
                "PORTALLOC_DEFAULT_POOL", "PORTALLOC_LOCK_TIMEOUT", "PATH");

        assertEquals(List.of(), PoolEnvironment.unmatched(variables, List.of("default", "gpu-hosts", "eu.gpu")));
    }

    @Test
    void variablesOfUndeclaredPoolsAreReported() {
        List<String> variables = List.of("PORTALLOC_POOLS_GPU_HOSTS_BACKEND_START", "PORTALLOC_POOLS_DEFAULT_BACKEND_END",
                "PORTALLOC_POOLS_DEFAULT_BACKEND_STOP");

        assertEquals(List.of("PORTALLOC_POOLS_DEFAULT_BACKEND_STOP", "PORTALLOC_POOLS_GPU_HOSTS_BACKEND_START"),
                PoolEnvironment.unmatched(variables, List.of("default")));
    }

    @Test
    void envNameFollowsMicroProfileRule() {
        assertEquals("PORTALLOC_POOLS_GPU_HOSTS_BACKEND_END", PoolEnvironment.envName("portalloc.pools.gpu-hosts.backend-end"));
        assertEquals("PORTALLOC_POOLS__EU_GPU__STEP", PoolEnvironment.envName("portalloc.pools.\"eu.gpu\".step"));
    }
}
