package dev.portalloc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portalloc.cli.StubService.Request;

/**
 * The command line against a stub HTTP server: the exact requests it sends (query, token, body), the environment, and
 * responses that a real test instance does not produce on demand (5xx, 401, a body that is not JSON).
 */
class CliStubTest {

    private static final String TOKEN = "s3cret-token-value";
    private static final String REPORT = """
            {"imported":2,"unchanged":1,"reassigned":1,"rejected":0,"dryRun":true,"problems":[],
             "reassignments":[{"pool":"default","model":"openai_gpt-4","appNumber":3,"oldBackendPort":5001,
             "oldFrontendPort":8001,"backendPort":5007,"frontendPort":8007}]}""";
    private static final String REJECTED_REPORT = """
            {"type":"urn:port-allocator:problem:import-rejected","title":"Unprocessable Content","status":422,
             "detail":"2 of 3 entries are invalid; nothing was imported",
             "imported":0,"unchanged":0,"reassigned":0,"rejected":2,"dryRun":false,"reassignments":[],
             "problems":[{"index":0,"model":"m","appNumber":1,"field":"backend_port","reason":"must be from 1 to 65535"},
                         {"index":2,"model":null,"appNumber":null,"field":"model","reason":"is required"}]}""";

    @TempDir
    Path directory;

    private StubService service;

    @BeforeEach
    void startStub() throws IOException {
        service = new StubService();
    }

    @AfterEach
    void stopStub() {
        service.close();
    }

    @Test
    void importSendsFileWithOptionsAndToken() throws IOException {
        String content = "[{\"model\":\"openai_gpt-4\",\"app_number\":3,\"backend_port\":5001,\"frontend_port\":8001}]";
        Path file = Files.writeString(directory.resolve("port_config.json"), content);
        service.respondWith(200, "application/json", REPORT);

        CliRun run = CliRun.run(Map.of(), "import", file.toString(), "--dry-run", "--reassign", "--url", service.url(),
                "--token", TOKEN);

        assertEquals(0, run.exitCode(), run.transcript());
        Request request = service.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/api/v1/allocations/import", request.path());
        assertEquals("dryRun=true&onConflict=reassign", request.query());
        assertEquals("Bearer " + TOKEN, request.authorization());
        assertEquals("application/json", request.contentType());
        assertEquals(content, request.body());
        assertEquals("Dry run, nothing written: would import 2, unchanged 1, reassigned 1, rejected 0.",
                run.outLines().get(0));
        assertTrue(run.out().contains("default  openai_gpt-4    3  5001/8001  5007/8007"), run.transcript());
        assertFalse(run.out().contains(TOKEN));
        assertFalse(run.err().contains(TOKEN));
    }

    @Test
    void importWithoutOptionsRejectsConflicts() throws IOException {
        Path file = Files.writeString(directory.resolve("allocations.json"), "[]");
        service.respondWith(200, "application/json", REPORT.replace("\"dryRun\":true", "\"dryRun\":false"));

        CliRun run = CliRun.run(Map.of(), "import", file.toString(), "--url", service.url());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("dryRun=false&onConflict=reject", service.requests().get(0).query());
        assertNull(service.requests().get(0).authorization());
        assertTrue(run.out().startsWith("Imported 2, unchanged 1, reassigned 1, rejected 0."), run.transcript());
    }

    @Test
    void rejectedImportPrintsProblemsAndExitsOne() throws IOException {
        Path file = Files.writeString(directory.resolve("bad.json"), "[{}, {}, {}]");
        service.respondWith(422, "application/problem+json", REJECTED_REPORT);

        CliRun run = CliRun.run(Map.of(), "import", file.toString(), "--url", service.url());

        assertEquals(1, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertEquals("Imported 0, unchanged 0, reassigned 0, rejected 2.", lines.get(0));
        assertTrue(lines.contains("INDEX  MODEL  APP  FIELD         REASON"), run.transcript());
        assertTrue(lines.contains("    0  m        1  backend_port  must be from 1 to 65535"), run.transcript());
        assertTrue(lines.contains("    2  -        -  model         is required"), run.transcript());
        assertTrue(run.err().contains("2 of 3 entries are invalid; nothing was imported"), run.transcript());
    }

    @Test
    void importJsonPrintsTheBody() throws IOException {
        Path file = Files.writeString(directory.resolve("allocations.json"), "[]");
        service.respondWith(200, "application/json", REPORT);

        CliRun run = CliRun.run(Map.of(), "import", file.toString(), "--json", "--url", service.url());

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(REPORT + System.lineSeparator(), run.out());
    }

    @Test
    void unreadableImportFileIsUsageError() throws IOException {
        Path object = Files.writeString(directory.resolve("object.json"), "{\"model\":\"m\"}");
        Path broken = Files.writeString(directory.resolve("broken.json"), "[{\"model\":");
        Path missing = directory.resolve("missing.json");

        CliRun notArray = CliRun.run(Map.of(), "import", object.toString(), "--url", service.url());
        CliRun notJson = CliRun.run(Map.of(), "import", broken.toString(), "--url", service.url());
        CliRun noFile = CliRun.run(Map.of(), "import", missing.toString(), "--url", service.url());

        assertEquals(2, notArray.exitCode(), notArray.transcript());
        assertTrue(notArray.err().contains("must contain a JSON array"), notArray.transcript());
        assertEquals(2, notJson.exitCode(), notJson.transcript());
        assertTrue(notJson.err().contains("is not valid JSON"), notJson.transcript());
        assertEquals(2, noFile.exitCode(), noFile.transcript());
        assertTrue(noFile.err().contains("no such file"), noFile.transcript());
        assertTrue(service.requests().isEmpty());
    }

    @Test
    void environmentSuppliesUrlAndToken() {
        service.respondWith(200, "application/json",
                "{\"status\":\"clean\",\"conflicts\":[],\"outOfLayout\":[],\"unknownPools\":[]}");

        CliRun run = CliRun.run(Map.of("PORTALLOC_URL", service.url(), "PORTALLOC_TOKEN", TOKEN), "check");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("Bearer " + TOKEN, service.requests().get(0).authorization());
        assertEquals("/api/v1/allocations/check", service.requests().get(0).path());
    }

    @Test
    void optionsOverrideEnvironment() {
        service.respondWith(200, "application/json",
                "{\"status\":\"clean\",\"conflicts\":[],\"outOfLayout\":[],\"unknownPools\":[]}");

        CliRun run = CliRun.run(Map.of("PORTALLOC_URL", "http://127.0.0.1:1", "PORTALLOC_TOKEN", "from-environment"),
                "check", "--url", service.url(), "--token", TOKEN);

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("Bearer " + TOKEN, service.requests().get(0).authorization());
    }

    @Test
    void serverErrorExitsThreeWithDetail() {
        service.respondWith(503, "application/problem+json",
                "{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"the database is unavailable; retry later\"}");

        CliRun run = CliRun.run(Map.of(), "stats", "--url", service.url(), "--token", TOKEN);

        assertEquals(3, run.exitCode(), run.transcript());
        assertEquals("error: the service failed (HTTP 503): the database is unavailable; retry later\n", run.err());
        assertFalse(run.err().contains(TOKEN));
        assertEquals("", run.out());
    }

    @Test
    void conflictExitsThree() throws IOException {
        Path file = Files.writeString(directory.resolve("allocations.json"), "[]");
        service.respondWith(409, "application/problem+json", "{\"status\":409,\"detail\":\"pool 'default' is exhausted\"}");

        CliRun run = CliRun.run(Map.of(), "import", file.toString(), "--reassign", "--url", service.url());

        assertEquals(3, run.exitCode(), run.transcript());
        assertEquals("error: the service failed (HTTP 409): pool 'default' is exhausted\n", run.err());
    }

    @Test
    void rejectedCredentialsExitTwo() {
        service.respondWith(401, "application/problem+json",
                "{\"status\":401,\"detail\":\"a valid bearer token is required\"}");

        CliRun run = CliRun.run(Map.of(), "list", "--url", service.url(), "--token", TOKEN);

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("HTTP 401): a valid bearer token is required"), run.transcript());
        assertFalse(run.err().contains(TOKEN));
    }

    @Test
    void nonJsonResponseExitsThree() {
        service.respondWith(200, "text/html", "<html>proxy login</html>");

        CliRun run = CliRun.run(Map.of(), "check", "--url", service.url());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("not JSON: <html>proxy login</html>"), run.transcript());
    }

    @Test
    void unreachableServiceExitsThree() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.run(Map.of(), "check", "--url", "http://127.0.0.1:" + closedPort, "--token", TOKEN);

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: cannot reach the service at http://127.0.0.1:" + closedPort),
                run.transcript());
        assertTrue(run.err().toLowerCase().contains("connection refused"), run.transcript());
        assertFalse(run.err().contains(TOKEN));
    }

    @Test
    void invalidUrlIsUsageError() {
        CliRun run = CliRun.run(Map.of(), "list", "--url", "ftp://localhost:8080");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--url must be an http or https URL"), run.transcript());
    }

    @Test
    void usageErrorsExitTwo() {
        List<String[]> invalid = List.of(
                new String[] { "frobnicate" },
                new String[] { "--url", service.url() },
                new String[] { "release", "m", "--url", service.url() },
                new String[] { "release", "m", "1", "--all", "--url", service.url() },
                new String[] { "release", "m", "one", "--url", service.url() },
                new String[] { "list", "--app-number", "x", "--url", service.url() },
                new String[] { "import", "--url", service.url() },
                new String[] { "stats", "--unknown-option", "--url", service.url() });
        for (String[] args : invalid) {
            CliRun run = CliRun.run(Map.of(), args);

            assertEquals(2, run.exitCode(), String.join(" ", args) + "\n" + run.transcript());
            assertFalse(run.err().isEmpty(), String.join(" ", args));
        }
        assertTrue(service.requests().isEmpty());
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("list", "check", "stats", "release", "import")) {
            CliRun run = CliRun.run(Map.of(), command, "--help");

            assertEquals(0, run.exitCode(), run.transcript());
            assertTrue(run.out().contains("Usage: port-allocator " + command), run.transcript());
            assertTrue(run.out().contains("--url=URL"), run.transcript());
            assertTrue(run.out().contains("--token=TOKEN"), run.transcript());
            assertTrue(run.out().contains("--help"), run.transcript());
        }
        CliRun root = CliRun.run(Map.of(), "--help");
        assertEquals(0, root.exitCode());
        assertTrue(root.out().contains("Without arguments, the application runs the service itself."), root.transcript());
    }
}
