package dev.portalloc.operations;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static dev.portalloc.testing.AllocationFixtures.insert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class StatsTest {

    private static final String PATH = "/api/v1/allocations/stats";

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void emptyDatabaseHasEverySlotFree() {
        Response response = given().when().get(PATH);

        response.then().statusCode(200)
                .body("allocations", equalTo(0))
                .body("models", equalTo(0))
                .body("oldestCreatedAt", nullValue())
                .body("newestCreatedAt", nullValue())
                .body("perModel", empty())
                .body("pools", hasSize(1))
                .body("pools[0].pool", equalTo("default"))
                .body("pools[0].layout.backend", equalTo("5001-7999"))
                .body("pools[0].allocations", equalTo(0))
                .body("pools[0].slots", equalTo(1500))
                .body("pools[0].held", equalTo(0))
                .body("pools[0].blocked", equalTo(0))
                .body("pools[0].free", equalTo(1500))
                .body("pools[0].lowestFreeSlot.slot", equalTo(0))
                .body("pools[0].lowestFreeSlot.backendPort", equalTo(5001))
                .body("pools[0].lowestFreeSlot.frontendPort", equalTo(8001))
                .body("pools[0].oldestCreatedAt", nullValue());
        assertEquals(0.0, response.jsonPath().getDouble("pools[0].utilizationPercent"));
    }

    @Test
    void figuresFollowAllocationsAndRelease() {
        allocate("beta", 1);
        allocate("alpha", 1);
        allocate("alpha", 2);
        allocate("alpha", 3);
        given().queryParam("model", "alpha").queryParam("appNumber", 1).when().delete("/api/v1/allocations")
                .then().statusCode(204);

        Response response = given().when().get(PATH);

        response.then().statusCode(200)
                .body("allocations", equalTo(3))
                .body("models", equalTo(2))
                .body("perModel.model", contains("alpha", "beta"))
                .body("perModel.allocations", contains(2, 1))
                .body("pools[0].allocations", equalTo(3))
                .body("pools[0].held", equalTo(3))
                .body("pools[0].blocked", equalTo(0))
                .body("pools[0].free", equalTo(1497))
                .body("pools[0].lowestFreeSlot.slot", equalTo(1))
                .body("pools[0].lowestFreeSlot.backendPort", equalTo(5003))
                .body("pools[0].lowestFreeSlot.frontendPort", equalTo(8003));
        // 3 of 1500 slots are not free: 0.2 %.
        assertEquals(0.2, response.jsonPath().getDouble("pools[0].utilizationPercent"));
        Instant oldest = Instant.parse(response.jsonPath().getString("oldestCreatedAt"));
        Instant newest = Instant.parse(response.jsonPath().getString("newestCreatedAt"));
        assertFalse(newest.isBefore(oldest));
        assertEquals(oldest.toString(), Instant.parse(response.jsonPath().getString("pools[0].oldestCreatedAt")).toString());

        allocate("gamma", 1).then().statusCode(201).body("backendPort", equalTo(5003)).body("frontendPort", equalTo(8003));
    }

    @Test
    void outsidePairBlocksTwoSlots() {
        // 8003 is the frontend of slot 1 and 5005 the backend of slot 2: one pair makes two slots unusable.
        insert(database, "default", "legacy", 1, 8003, 5005);
        allocate("m", 1).then().body("backendPort", equalTo(5001));

        given().when().get(PATH)
                .then().statusCode(200)
                .body("pools[0].allocations", equalTo(2))
                .body("pools[0].held", equalTo(1))
                .body("pools[0].blocked", equalTo(2))
                .body("pools[0].free", equalTo(1497))
                .body("pools[0].lowestFreeSlot.slot", equalTo(3))
                .body("pools[0].lowestFreeSlot.backendPort", equalTo(5007));

        allocate("m", 2).then().statusCode(201).body("backendPort", equalTo(5007));
    }

    @Test
    void layoutChangeIsReportedFromSlotZero() {
        // A pool row written under another layout: the next lock resets next_slot and the free list.
        database.execute("INSERT INTO port_pool (name, layout, next_slot) VALUES ('default', 'an older layout', 100)");
        database.execute("INSERT INTO free_slot (pool, slot) VALUES ('default', 50)");

        given().when().get(PATH)
                .then().statusCode(200)
                .body("pools[0].lowestFreeSlot.slot", equalTo(0));

        allocate("m", 1).then().statusCode(201).body("backendPort", equalTo(5001));
    }

    @Test
    void fullPoolHasNoFreeSlot() {
        database.execute("INSERT INTO port_pool (name) VALUES ('default')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " SELECT 'default', 'bulk', s + 1, 5001 + 2 * s, 8001 + 2 * s FROM generate_series(0, 1499) AS s");

        Response response = given().when().get(PATH);

        response.then().statusCode(200)
                .body("allocations", equalTo(1500))
                .body("models", equalTo(1))
                .body("pools[0].held", equalTo(1500))
                .body("pools[0].free", equalTo(0))
                .body("pools[0].lowestFreeSlot", nullValue());
        assertEquals(100.0, response.jsonPath().getDouble("pools[0].utilizationPercent"));
        allocate("m", 1).then().statusCode(409);
    }

    @Test
    void unconfiguredPoolCountsOnlyInTotals() {
        insert(database, "retired-pool", "old-model", 1, 40001, 40002);

        Response response = given().when().get(PATH);

        response.then().statusCode(200)
                .body("allocations", equalTo(1))
                .body("pools.pool", contains("default"))
                .body("pools[0].allocations", equalTo(0));
        assertTrue(response.jsonPath().getList("perModel.model").contains("old-model"));
    }
}
