package dev.portalloc.operations;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static dev.portalloc.testing.AllocationFixtures.insert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class CheckTest {

    private static final String PATH = "/api/v1/allocations/check";

    @Inject
    TestDatabase database;

    @Inject
    PoolRegistry pools;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void emptyDatabaseIsClean() {
        given()
                .when().get(PATH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("clean"))
                .body("conflicts", empty())
                .body("outOfLayout", empty())
                .body("unknownPools", empty());
    }

    @Test
    void allocatedAndReleasedPairsAreClean() {
        allocate("m", 1);
        allocate("m", 2);
        allocate("other", 1);
        given().queryParam("model", "m").queryParam("appNumber", 1).when().delete("/api/v1/allocations");

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("clean"))
                .body("conflicts", empty());
    }

    @Test
    void portHeldInTwoRolesIsConflict() throws Exception {
        allocate("m", 1).then().body("frontendPort", equalTo(8001));
        // held_port would reject the second holder of 8001, so the trigger that fills it is off for this insert.
        insertBypassingHeldPorts("'default', 'legacy', 1, 8001, 9999");

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("problems"))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].pool", equalTo("default"))
                .body("conflicts[0].port", equalTo(8001))
                .body("conflicts[0].holders.model", contains("legacy", "m"))
                .body("conflicts[0].holders.appNumber", contains(1, 1))
                .body("conflicts[0].holders.role", contains("backend", "frontend"))
                .body("conflicts[0].holders.backendPort", contains(8001, 5001))
                .body("conflicts[0].holders.frontendPort", contains(9999, 8001));
    }

    @Test
    void portHeldTwiceInOneRoleIsConflict() throws Exception {
        allocate("m", 1).then().body("backendPort", equalTo(5001));
        insertBypassingHeldPorts("'default', 'copy', 7, 5001, 8001");

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("problems"))
                .body("conflicts.port", contains(5001, 8001))
                .body("conflicts[0].holders.model", contains("copy", "m"))
                .body("conflicts[0].holders.role", contains("backend", "backend"))
                .body("conflicts[1].holders.role", contains("frontend", "frontend"))
                .body("outOfLayout", empty());
    }

    @Test
    void outOfLayoutFollowsContainsPair() {
        PoolLayout layout = pools.find("default").orElseThrow();
        int[][] pairs = {
                { 5001, 8001 }, // slot 0
                { 5002, 8002 }, // off the step
                { 5003, 8005 }, // backend of slot 1, frontend of slot 2
                { 4999, 7997 }, // below the backend range
                { 7999, 10999 }, // last slot
                { 8003, 11001 }, // beyond both ranges
                { 30001, 30002 }, // far outside
                { 8011, 5011 }, // roles swapped
        };
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < pairs.length; i++) {
            insert(database, "default", "p" + i, 1, pairs[i][0], pairs[i][1]);
            if (!layout.containsPair(pairs[i][0], pairs[i][1])) {
                expected.add("p" + i);
            }
        }

        Response response = given().when().get(PATH);

        response.then().statusCode(200).body("status", equalTo("problems")).body("conflicts", empty());
        assertEquals(Set.of("p1", "p2", "p3", "p5", "p6", "p7"), expected);
        assertEquals(expected, new TreeSet<>(response.jsonPath().getList("outOfLayout.model", String.class)));
    }

    @Test
    void outOfLayoutNamesKeyPortsAndLayout() {
        insert(database, "default", "legacy", 4, 5002, 8002);

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("problems"))
                .body("outOfLayout", hasSize(1))
                .body("outOfLayout[0].pool", equalTo("default"))
                .body("outOfLayout[0].model", equalTo("legacy"))
                .body("outOfLayout[0].appNumber", equalTo(4))
                .body("outOfLayout[0].backendPort", equalTo(5002))
                .body("outOfLayout[0].frontendPort", equalTo(8002))
                .body("outOfLayout[0].layout.backend", equalTo("5001-7999"))
                .body("outOfLayout[0].layout.frontend", equalTo("8001-10999"))
                .body("outOfLayout[0].layout.step", equalTo(2))
                .body("outOfLayout[0].layout.slots", equalTo(1500));
    }

    @Test
    void unconfiguredPoolIsReported() {
        allocate("m", 1);
        insert(database, "retired-pool", "old-model", 2, 40001, 40002);
        insert(database, "retired-pool", "old-model", 1, 40003, 40004);

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("problems"))
                .body("unknownPools", hasSize(1))
                .body("unknownPools[0].pool", equalTo("retired-pool"))
                .body("unknownPools[0].allocations.appNumber", contains(1, 2))
                .body("unknownPools[0].allocations.backendPort", contains(40003, 40001))
                .body("unknownPools[0].allocations.frontendPort", contains(40004, 40002))
                .body("outOfLayout", empty());
    }

    @Test
    void reportsIgnorePoolLock() throws Exception {
        allocate("m", 1);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT name FROM port_pool WHERE name = 'default' FOR NO KEY UPDATE");

            // A request that waited for this lock would fail with 503 after portalloc.lock-timeout.
            given().when().get(PATH).then().statusCode(200).body("status", equalTo("clean"));
            given().when().get("/api/v1/allocations/stats").then().statusCode(200).body("allocations", equalTo(1));

            connection.rollback();
        }
    }

    @Test
    void checkChangesNothing() {
        allocate("m", 1);
        insert(database, "default", "legacy", 1, 5002, 8002);
        List<List<String>> before = database.allocations();
        List<List<String>> heldBefore = database.rows("SELECT pool, port FROM held_port ORDER BY pool, port");

        given().when().get(PATH).then().statusCode(200);

        assertEquals(before, database.allocations());
        assertEquals(heldBefore, database.rows("SELECT pool, port FROM held_port ORDER BY pool, port"));
    }

    private void insertBypassingHeldPorts(String values) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE allocation DISABLE TRIGGER allocation_holds_ports");
            try {
                statement.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                        + " VALUES (" + values + ")");
            } finally {
                statement.execute("ALTER TABLE allocation ENABLE TRIGGER allocation_holds_ports");
            }
        }
    }
}
