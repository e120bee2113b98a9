package dev.portalloc.cli;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static dev.portalloc.testing.AllocationFixtures.insert;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every subcommand against the running test instance of the service. */
@QuarkusTest
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void listPrintsAlignedTable() {
        allocate("alpha", 1);
        allocate("meta-llama/Llama-3.1-70B-Instruct", 10);
        allocate("alpha", 2);

        CliRun run = cli("list");

        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertEquals(5, lines.size(), run.transcript());
        String header = lines.get(0);
        assertTrue(header.startsWith("POOL     MODEL                              APP  BACKEND  FRONTEND  CREATED"),
                run.transcript());
        assertTrue(lines.get(1).startsWith("default  alpha                                1     5001      8001  "),
                run.transcript());
        assertTrue(lines.get(2).startsWith("default  alpha                                2     5005      8005  "),
                run.transcript());
        assertTrue(lines.get(3).startsWith("default  meta-llama/Llama-3.1-70B-Instruct   10     5003      8003  "),
                run.transcript());
        int createdColumn = header.indexOf("CREATED");
        for (String row : lines.subList(1, 4)) {
            assertTrue(row.substring(createdColumn).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), row);
        }
        assertEquals("3 allocations", lines.get(4));
    }

    @Test
    void listFiltersAndPrintsJson() throws Exception {
        allocate("alpha", 1);
        allocate("beta", 1);
        allocate("beta", 2);

        CliRun run = cli("list", "--model", "beta", "--json");

        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode body = JSON.readTree(run.out());
        assertEquals(2, body.get("total").asInt());
        assertEquals(2, body.get("items").size());
        assertEquals("beta", body.get("items").get(0).get("model").asText());
        assertEquals(5003, body.get("items").get(0).get("backendPort").asInt());
        assertEquals(2, body.get("items").get(1).get("appNumber").asInt());

        CliRun one = cli("list", "--model", "beta", "--app-number", "2", "--pool", "default");
        assertEquals(0, one.exitCode(), one.transcript());
        assertEquals("1 allocation", one.outLines().get(one.outLines().size() - 1));
    }

    @Test
    void listReadsEveryPage() {
        database.execute("INSERT INTO port_pool (name) VALUES ('default')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " SELECT 'default', 'bulk', s + 1, 5001 + 2 * s, 8001 + 2 * s FROM generate_series(0, 1000) AS s");

        CliRun run = cli("list");

        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertEquals("1001 allocations", lines.get(lines.size() - 1));
        assertTrue(lines.get(lines.size() - 2).startsWith("default  bulk   1001     7001     10001"), lines.get(1001));
    }

    @Test
    void listOfEmptyDatabaseSaysSo() {
        CliRun run = cli("list");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("No allocations found.\n", run.out());
    }

    @Test
    void checkOfCleanDatabaseIsOneLine() {
        allocate("alpha", 1);

        CliRun run = cli("check");

        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of("No port conflicts were found, and every allocation is a slot of its configured pool."),
                run.outLines());
        assertEquals("", run.err());
    }

    @Test
    void checkListsProblemsAndExitsOne() {
        allocate("alpha", 1);
        insert(database, "default", "legacy", 4, 5002, 8002);
        insert(database, "retired-pool", "old-model", 1, 40001, 40002);

        CliRun run = cli("check");

        assertEquals(1, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertTrue(lines.contains("Allocations whose pair is not a slot of their pool's layout:"), run.transcript());
        assertTrue(lines.contains("default  legacy    4     5002      8002  backend 5001-7999, frontend 8001-10999, step 2"),
                run.transcript());
        assertTrue(lines.contains("retired-pool  old-model    1    40001     40002"), run.transcript());
        assertEquals("Found 0 ports held more than once, 1 allocation outside their layout and 1 allocation in unconfigured"
                + " pools.", lines.get(lines.size() - 1));
    }

    @Test
    void checkJsonIsTheReport() throws Exception {
        insert(database, "default", "legacy", 4, 5002, 8002);

        CliRun run = cli("check", "--json");

        assertEquals(1, run.exitCode(), run.transcript());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("problems", report.get("status").asText());
        assertEquals("legacy", report.get("outOfLayout").get(0).get("model").asText());
        assertEquals(0, report.get("conflicts").size());
    }

    @Test
    void statsPrintsPoolsAndModels() throws Exception {
        allocate("beta", 1);
        allocate("alpha", 1);
        allocate("alpha", 2);

        CliRun run = cli("stats");

        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("3 allocations of 2 models; oldest 20"), run.transcript());
        assertTrue(lines.get(2).startsWith("POOL     ALLOCATIONS  SLOTS  HELD  BLOCKED  FREE  UTILIZATION %  LOWEST FREE SLOT"
                + "  PAIR       OLDEST"), run.transcript());
        assertTrue(lines.get(3).startsWith("default            3   1500     3        0  1497            0.2                 3"
                + "  5007/8007  20"), run.transcript());
        assertEquals(List.of("MODEL  ALLOCATIONS", "alpha            2", "beta             1"),
                lines.subList(lines.size() - 3, lines.size()));

        CliRun json = cli("stats", "--json");
        assertEquals(0, json.exitCode(), json.transcript());
        assertEquals(3, JSON.readTree(json.out()).get("allocations").asInt());
    }

    @Test
    void releaseOfKeyThenAgain() {
        allocate("alpha", 1);
        allocate("alpha", 2);

        CliRun first = cli("release", "alpha", "1");
        CliRun second = cli("release", "alpha", "1");

        assertEquals(0, first.exitCode(), first.transcript());
        assertEquals("Released app 1 of model 'alpha'.\n", first.out());
        assertEquals(1, second.exitCode(), second.transcript());
        assertEquals("Nothing to release: no allocation for model 'alpha' app 1\n", second.err());
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
        allocate("beta", 1).then().body("backendPort", equalTo(5001));
    }

    @Test
    void releaseOfWholeModel() {
        allocate("retired", 1);
        allocate("kept", 1);
        allocate("retired", 2);

        CliRun first = cli("release", "retired", "--all");
        CliRun second = cli("release", "retired", "--all", "--pool", "default");

        assertEquals(0, first.exitCode(), first.transcript());
        assertEquals("Released 2 apps of model 'retired' in pool 'default'.\n", first.out());
        assertEquals(1, second.exitCode(), second.transcript());
        assertEquals("Nothing to release: model 'retired' holds no allocation in pool 'default'.\n", second.err());
        assertEquals(List.of(List.of("default", "kept", "1", "5003", "8003")), database.allocations());
    }

    @Test
    void releaseRejectedByServiceIsUsageError() {
        allocate("alpha", 1);

        CliRun badModel = cli("release", " alpha", "1");
        CliRun badNumber = cli("release", "alpha", "0");
        CliRun badPool = cli("release", "alpha", "1", "--pool", "no-such-pool");

        assertEquals(2, badModel.exitCode(), badModel.transcript());
        assertTrue(badModel.err().contains("HTTP 400): model must not start or end with whitespace"), badModel.transcript());
        assertEquals(2, badNumber.exitCode(), badNumber.transcript());
        assertTrue(badNumber.err().contains("appNumber must be an integer from 1"), badNumber.transcript());
        assertEquals(2, badPool.exitCode(), badPool.transcript());
        assertTrue(badPool.err().contains("pool must name a configured pool, but 'no-such-pool' is not one"),
                badPool.transcript());
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    private CliRun cli(String... args) {
        String[] withUrl = new String[args.length + 2];
        System.arraycopy(args, 0, withUrl, 0, args.length);
        withUrl[args.length] = "--url";
        withUrl[args.length + 1] = service.toString();
        return CliRun.run(Map.of(), withUrl);
    }
}
