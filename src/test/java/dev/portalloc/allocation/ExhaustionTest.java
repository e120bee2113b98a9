package dev.portalloc.allocation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExhaustionTest {

    private static final int DEFAULT_SLOTS = 1500;

    @Inject
    TestDatabase database;

    @BeforeEach
    void fillAllButLastSlot() {
        database.clear();
        database.execute("INSERT INTO port_pool (name) VALUES ('default')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " SELECT 'default', 'filler', i + 1, 5001 + 2 * i, 8001 + 2 * i FROM generate_series(0, "
                + (DEFAULT_SLOTS - 2) + ") AS i");
    }

    @Test
    void keyAfterLastSlotIsRefused() {
        GetOrAllocateTest.allocate("last", 1).then()
                .statusCode(201)
                .body("backendPort", equalTo(7999))
                .body("frontendPort", equalTo(10999));

        GetOrAllocateTest.allocate("one-too-many", 1).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", containsString("pool 'default' is exhausted"))
                .body("detail", containsString("portalloc.pools.default.backend-end"));

        assertEquals(DEFAULT_SLOTS, database.count("SELECT count(*) FROM allocation"));
        assertEquals(0, database.count("SELECT count(*) FROM allocation WHERE model = 'one-too-many'"));
        assertEquals(0, database.count("SELECT count(*) FROM allocation WHERE backend_port >= 8001"));
    }

    @Test
    void releasedSlotServesAfterExhaustion() {
        GetOrAllocateTest.allocate("last", 1).then().statusCode(201);
        GetOrAllocateTest.allocate("waiting", 1).then().statusCode(409);

        io.restassured.RestAssured.given().queryParam("model", "filler").queryParam("appNumber", 700)
                .when().delete("/api/v1/allocations")
                .then().statusCode(204);

        GetOrAllocateTest.allocate("waiting", 1).then()
                .statusCode(201)
                .body("backendPort", equalTo(5001 + 2 * 699))
                .body("frontendPort", equalTo(8001 + 2 * 699));
    }
}
