package dev.portalloc.cli;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The import subcommand against the import endpoint of the running test instance. */
@QuarkusTest
class CliImportTest {

    private static final String TWO_APPS = """
            [{"model": "legacy-a", "app_number": 1, "backend_port": 5001, "frontend_port": 8001},
             {"model": "legacy-b", "app_number": 1, "backend_port": 5003, "frontend_port": 8003}]""";

    @TestHTTPResource("/")
    URL service;

    @Inject
    TestDatabase database;

    @TempDir
    Path directory;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        CliRun run = importFile(TWO_APPS, "--dry-run");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("Dry run, nothing written: would import 2, unchanged 0, reassigned 0, rejected 0.",
                run.outLines().get(0));
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void importThenRepeatIsUnchanged() throws IOException {
        CliRun first = importFile(TWO_APPS);
        CliRun second = importFile(TWO_APPS);

        assertEquals(0, first.exitCode(), first.transcript());
        assertEquals("Imported 2, unchanged 0, reassigned 0, rejected 0.", first.outLines().get(0));
        assertEquals(0, second.exitCode(), second.transcript());
        assertEquals("Imported 0, unchanged 2, reassigned 0, rejected 0.", second.outLines().get(0));
        assertEquals(List.of(List.of("default", "legacy-a", "1", "5001", "8001"),
                List.of("default", "legacy-b", "1", "5003", "8003")), database.allocations());
    }

    @Test
    void conflictRejectsImportWithExitOne() throws IOException {
        allocate("live", 1);
        List<List<String>> before = database.allocations();

        CliRun run = importFile(TWO_APPS);

        assertEquals(1, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).endsWith("rejected 1."), run.transcript());
        assertTrue(lines.contains("Problems:"), run.transcript());
        assertTrue(lines.stream().anyMatch(line -> line.matches("\\s*0  legacy-a\\s+1  .*")), run.transcript());
        assertTrue(run.err().startsWith("error: the service rejected the import (HTTP 422): "), run.transcript());
        assertEquals(before, database.allocations());
    }

    @Test
    void reassignMovesContestedPair() throws IOException {
        allocate("live", 1);

        CliRun run = importFile(TWO_APPS, "--reassign");

        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertEquals("Imported 1, unchanged 0, reassigned 1, rejected 0.", lines.get(0));
        assertTrue(lines.contains("Reassignments:"), run.transcript());
        assertTrue(lines.stream().anyMatch(line -> line.matches("default  legacy-a\\s+1  5001/8001  \\d+/\\d+")),
                run.transcript());
        List<String> moved = database.rows("SELECT backend_port FROM allocation WHERE model = 'legacy-a'").get(0);
        assertNotEquals("5001", moved.get(0));
    }

    @Test
    void malformedEntryIsUsageError() throws IOException {
        CliRun run = importFile("[{\"model\": \"x\", \"app_number\": \"one\", \"backend_port\": 1, \"frontend_port\": 2}]");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: the service rejected the request (HTTP 400): "), run.transcript());
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    private CliRun importFile(String content, String... options) throws IOException {
        Path file = Files.writeString(directory.resolve("port_config.json"), content);
        String[] args = new String[options.length + 4];
        args[0] = "import";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        args[options.length + 2] = "--url";
        args[options.length + 3] = service.toString();
        return CliRun.run(Map.of(), args);
    }
}
