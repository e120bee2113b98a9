package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.allocate;
import static dev.portalloc.legacy.Imports.entry;
import static dev.portalloc.legacy.Imports.file;
import static dev.portalloc.legacy.Imports.postImport;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConflictImportTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void sameKeyWithOtherPortsIsRejected() {
        String conflicting = file(entry("m", 1, 5001, 8001), entry("m", 1, 5003, 8003));

        postImport(conflicting).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rejected", equalTo(1))
                .body("problems", hasSize(1))
                .body("problems[0].index", equalTo(1))
                .body("problems[0].model", equalTo("m"))
                .body("problems[0].appNumber", equalTo(1))
                .body("problems[0].field", equalTo("backend_port"))
                .body("problems[0].reason", containsString("entry 0"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void reassignKeepsFirstPairOfKey() {
        String conflicting = file(entry("m", 1, 5001, 8001), entry("m", 1, 5003, 8003));

        postImport(conflicting, "onConflict", "reassign").then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("reassigned", equalTo(1))
                .body("reassignments[0].oldBackendPort", equalTo(5003))
                .body("reassignments[0].backendPort", equalTo(5001))
                .body("reassignments[0].frontendPort", equalTo(8001));

        assertEquals(List.of(List.of("default", "m", "1", "5001", "8001")), database.allocations());
    }

    @Test
    void portUsedTwiceInOtherRoleIsRejected() {
        // Entry 1 uses entry 0's frontend port 8001 as its backend.
        String conflicting = file(entry("a", 1, 5001, 8001), entry("b", 1, 8001, 9001));

        postImport(conflicting).then()
                .statusCode(422)
                .body("rejected", equalTo(1))
                .body("problems", hasSize(1))
                .body("problems[0].index", equalTo(1))
                .body("problems[0].field", equalTo("backend_port"))
                .body("problems[0].reason", equalTo("port 8001 is also used by entry 0 (model a app 1 in pool default)"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void portUsedTwiceGetsFreshPairOnReassign() {
        String conflicting = file(entry("a", 1, 5001, 8001), entry("b", 1, 8001, 9001));

        postImport(conflicting, "onConflict", "reassign").then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("reassigned", equalTo(1))
                .body("reassignments[0].model", equalTo("b"))
                .body("reassignments[0].backendPort", equalTo(5003))
                .body("reassignments[0].frontendPort", equalTo(8003));

        assertEquals(List.of(List.of("default", "a", "1", "5001", "8001"), List.of("default", "b", "1", "5003", "8003")),
                database.allocations());
    }

    @Test
    void portHeldInDatabaseIsRejected() {
        allocate("live", 1).then().statusCode(201).body("backendPort", equalTo(5001));
        List<List<String>> before = database.allocations();

        postImport(file(entry("legacy", 1, 7000, 8001))).then()
                .statusCode(422)
                .body("problems", hasSize(1))
                .body("problems[0].index", equalTo(0))
                .body("problems[0].field", equalTo("frontend_port"))
                .body("problems[0].reason", equalTo("port 8001 is held by model live app 1 in pool default"));

        assertEquals(before, database.allocations());
    }

    @Test
    void databaseHolderKeepsPortOnReassign() {
        allocate("live", 1).then().statusCode(201);

        postImport(file(entry("legacy", 1, 7000, 8001)), "onConflict", "reassign").then()
                .statusCode(200)
                .body("reassigned", equalTo(1))
                .body("reassignments[0].backendPort", equalTo(5003))
                .body("reassignments[0].frontendPort", equalTo(8003));

        assertEquals(List.of(List.of("default", "live", "1", "5001", "8001"),
                List.of("default", "legacy", "1", "5003", "8003")), database.allocations());
    }

    @Test
    void keyHeldWithOtherPortsIsRejected() {
        allocate("m", 1).then().statusCode(201);

        postImport(file(entry("m", 1, 6001, 9001))).then()
                .statusCode(422)
                .body("problems", hasSize(1))
                .body("problems[0].field", equalTo("backend_port"))
                .body("problems[0].reason",
                        equalTo("model m app 1 in pool default already holds ports 5001/8001; the file gives 6001/9001"));

        assertEquals(List.of(List.of("default", "m", "1", "5001", "8001")), database.allocations());
    }

    @Test
    void reassignKeepsDatabasePairOfKey() {
        allocate("m", 1).then().statusCode(201);

        postImport(file(entry("m", 1, 6001, 9001)), "onConflict", "reassign").then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("reassigned", equalTo(1))
                .body("reassignments[0].oldBackendPort", equalTo(6001))
                .body("reassignments[0].backendPort", equalTo(5001));

        assertEquals(List.of(List.of("default", "m", "1", "5001", "8001")), database.allocations());
    }

    @Test
    void identicalDuplicateCountsAsUnchanged() {
        postImport(file(entry("m", 1, 6001, 9001), entry("m", 1, 6001, 9001))).then()
                .statusCode(200)
                .body("imported", equalTo(1))
                .body("unchanged", equalTo(1));

        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void everyInvalidEntryIsListed() {
        String invalid = file(entry("ok", 1, 6001, 9001),
                entry(" padded", 1, 6003, 9003),
                entry("m", 0, 6005, 9005),
                entry("m", 2, 0, 9007),
                entry("m", 3, 6009, 70000),
                entry("m", 4, 6011, 6011),
                "{\"model\":\"m\",\"app_number\":5,\"backend_port\":6013}",
                "{\"model\":null,\"app_number\":6,\"backend_port\":6015,\"frontend_port\":9015}");

        postImport(invalid, "onConflict", "reassign").then()
                .statusCode(422)
                .body("rejected", equalTo(7))
                .body("imported", equalTo(0))
                .body("problems.index", equalTo(List.of(1, 2, 3, 4, 5, 6, 7)))
                .body("problems.field", equalTo(List.of("model", "app_number", "backend_port", "frontend_port",
                        "frontend_port", "frontend_port", "model")))
                .body("problems[0].reason", equalTo("must not start or end with whitespace"))
                .body("problems[1].reason", equalTo("must be an integer from 1 to 2147483647"))
                .body("problems[2].reason", equalTo("must be an integer from 1 to 65535"))
                .body("problems[4].reason", equalTo("must differ from backend_port, but both are 6011"))
                .body("problems[5].reason", equalTo("is required"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void invalidQueryParametersAreRejected() {
        postImport(file(entry("m", 1, 6001, 9001)), "onConflict", "overwrite").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("onConflict"))
                .body("errors[0].message", equalTo("must be reject or reassign"));
        postImport(file(entry("m", 1, 6001, 9001)), "dryRun", "maybe").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }
}
