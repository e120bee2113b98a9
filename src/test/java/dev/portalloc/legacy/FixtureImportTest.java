package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.allocate;
import static dev.portalloc.legacy.Imports.fixture;
import static dev.portalloc.legacy.Imports.portsHeldTwice;
import static dev.portalloc.legacy.Imports.postImport;
import static dev.portalloc.legacy.Imports.rowsOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class FixtureImportTest {

    private static final String HEALTHY = fixture("port_config.json");

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void healthyFileKeepsEveryPair() {
        postImport(HEALTHY).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("imported", equalTo(50))
                .body("unchanged", equalTo(0))
                .body("reassigned", equalTo(0))
                .body("rejected", equalTo(0))
                .body("dryRun", equalTo(false))
                .body("problems", empty())
                .body("reassignments", empty());

        assertEquals(rowsOf(HEALTHY), database.allocations());
    }

    @Test
    void newKeysAfterImportGetFreeSlotsOnly() {
        postImport(HEALTHY).then().statusCode(200);

        // The file holds slots 0-47 and, by hand, slots 100 and 101 (5201/8201, 5203/8203), which are not reached yet.
        List<Integer> expectedSlots = new ArrayList<>();
        for (int slot = 48; expectedSlots.size() < 60; slot++) {
            if (slot != 100 && slot != 101) {
                expectedSlots.add(slot);
            }
        }
        for (int i = 0; i < expectedSlots.size(); i++) {
            int slot = expectedSlots.get(i);
            allocate("new-model", i + 1).then()
                    .statusCode(201)
                    .body("backendPort", equalTo(5001 + 2 * slot))
                    .body("frontendPort", equalTo(8001 + 2 * slot));
        }

        assertEquals(List.of(), portsHeldTwice(database));
        assertEquals(rowsOf(HEALTHY), database.allocations().subList(0, 50));
    }

    @Test
    void otherRoleAndOutsidePortsAreHeld() {
        // 8003 is slot 1's frontend, used here as a backend; 20000 lies outside both ranges of the layout.
        postImport(Imports.file(Imports.entry("legacy", 1, 8003, 20000))).then().statusCode(200).body("imported",
                equalTo(1));

        allocate("m", 1).then().body("backendPort", equalTo(5001)).body("frontendPort", equalTo(8001));
        allocate("m", 2).then().body("backendPort", equalTo(5005)).body("frontendPort", equalTo(8005));
        assertEquals(List.of(List.of("default", "legacy", "1", "8003", "20000")), database.allocations().subList(0, 1));
    }

    @Test
    void reImportChangesNothing() {
        postImport(HEALTHY).then().statusCode(200);
        List<List<String>> before = database.rows("SELECT id, model, app_number, backend_port, frontend_port, created_at"
                + " FROM allocation ORDER BY id");

        postImport(HEALTHY).then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("unchanged", equalTo(50))
                .body("reassigned", equalTo(0))
                .body("rejected", equalTo(0));

        assertEquals(before, database.rows("SELECT id, model, app_number, backend_port, frontend_port, created_at"
                + " FROM allocation ORDER BY id"));
    }

    @Test
    void dryRunWritesNothing() {
        postImport(HEALTHY, "dryRun", "true").then()
                .statusCode(200)
                .body("imported", equalTo(50))
                .body("dryRun", equalTo(true));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
        assertEquals(0, database.count("SELECT count(*) FROM held_port"));
        allocate("m", 1).then().statusCode(201).body("backendPort", equalTo(5001));
    }

    @Test
    void preFixFileIsRejectedNamingEveryContender() {
        Response response = postImport(fixture("port_config_pre_fix.json"));

        response.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("urn:port-allocator:problem:import-rejected"))
                .body("imported", equalTo(0))
                .body("rejected", equalTo(12))
                .body("dryRun", equalTo(false));
        Set<Integer> named = new HashSet<>(response.jsonPath().getList("problems.index", Integer.class));
        assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), named);
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void preFixFileReassignsAllButFirstModel() {
        String preFix = fixture("port_config_pre_fix.json");

        Response response = postImport(preFix, "onConflict", "reassign");

        response.then()
                .statusCode(200)
                .body("imported", equalTo(3))
                .body("reassigned", equalTo(12))
                .body("rejected", equalTo(0))
                .body("reassignments.size()", equalTo(12));
        List<List<String>> file = rowsOf(preFix);
        assertEquals(file.subList(0, 3), database.allocations().subList(0, 3));
        Set<Integer> ports = new HashSet<>(List.of(5001, 8001, 5003, 8003, 5005, 8005));
        for (int i = 0; i < 12; i++) {
            String at = "reassignments[" + i + "].";
            List<String> entry = file.get(3 + i);
            assertEquals(entry.get(1), response.jsonPath().getString(at + "model"));
            assertEquals(entry.get(2), response.jsonPath().getString(at + "appNumber"));
            assertEquals(entry.get(3), response.jsonPath().getString(at + "oldBackendPort"));
            assertEquals(entry.get(4), response.jsonPath().getString(at + "oldFrontendPort"));
            int backend = response.jsonPath().getInt(at + "backendPort");
            int frontend = response.jsonPath().getInt(at + "frontendPort");
            assertTrue(ports.add(backend), "backend port " + backend + " handed out twice");
            assertTrue(ports.add(frontend), "frontend port " + frontend + " handed out twice");
            assertEquals(List.of(List.of(String.valueOf(backend), String.valueOf(frontend))), database.rows(
                    "SELECT backend_port, frontend_port FROM allocation WHERE model = '%s' AND app_number = %s"
                            .formatted(entry.get(1), entry.get(2))));
        }
        assertEquals(15, database.count("SELECT count(*) FROM allocation"));
        assertEquals(List.of(), portsHeldTwice(database));
    }

    @Test
    void reassignDryRunMatchesRealRun() {
        String preFix = fixture("port_config_pre_fix.json");

        Response dryRun = postImport(preFix, "onConflict", "reassign", "dryRun", "true");
        dryRun.then().statusCode(200).body("dryRun", equalTo(true)).body("reassigned", equalTo(12));
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
        assertEquals(0, database.count("SELECT count(*) FROM port_pool WHERE next_slot > 0"));

        Response real = postImport(preFix, "onConflict", "reassign");
        assertEquals(dryRun.jsonPath().getList("reassignments"), real.jsonPath().getList("reassignments"));
        assertFalse(real.jsonPath().getBoolean("dryRun"));
    }

    @Test
    void reImportAfterReassignWritesNothing() {
        String preFix = fixture("port_config_pre_fix.json");
        postImport(preFix, "onConflict", "reassign").then().statusCode(200);
        List<List<String>> before = database.allocations();

        Response again = postImport(preFix, "onConflict", "reassign");

        // The database keeps the fresh pairs; the report names them again, as the file still has the old ports.
        again.then().statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(3)).body("reassigned",
                equalTo(12));
        assertEquals(before, database.allocations());
    }
}
