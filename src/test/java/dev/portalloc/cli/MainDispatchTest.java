package dev.portalloc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link Main} in a JVM of its own with no datasource configured: with arguments it must run as the command line
 * without starting Quarkus, which would fail there.
 */
class MainDispatchTest {

    @Test
    void argumentsRunTheCommandLineOnly() throws Exception {
        try (StubService service = new StubService()) {
            service.respondWith(200, "application/json",
                    "{\"status\":\"clean\",\"conflicts\":[],\"outOfLayout\":[],\"unknownPools\":[]}");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "check", "--url", service.url()));
            builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("PORTALLOC_"));

            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command line did not exit within 60 s");
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(0, process.exitValue(), out + err);
            assertEquals("No port conflicts were found, and every allocation is a slot of its configured pool.", out.strip());
            assertFalse(err.contains("Quarkus"), err);
            assertEquals(1, service.requests().size());
        }
    }
}
