package dev.portalloc.allocation;

import static dev.portalloc.allocation.GetOrAllocateTest.allocate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleaseTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void releasedSlotIsReusedFirst() {
        allocate("m", 1);
        allocate("m", 2);
        allocate("m", 3);

        given().queryParam("model", "m").queryParam("appNumber", 2)
                .when().delete("/api/v1/allocations")
                .then().statusCode(204);

        allocate("other", 1).then().statusCode(201).body("backendPort", equalTo(5003)).body("frontendPort", equalTo(8003));
        allocate("other", 2).then().statusCode(201).body("backendPort", equalTo(5007)).body("frontendPort", equalTo(8007));
    }

    @Test
    void releaseOfUnknownKeyIsNotFound() {
        allocate("m", 1);

        given().queryParam("model", "m").queryParam("appNumber", 2)
                .when().delete("/api/v1/allocations")
                .then().statusCode(404).contentType("application/problem+json");

        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void releaseOfWholeModelCountsApps() {
        allocate("retired", 1);
        allocate("kept", 1);
        allocate("retired", 2);

        given().queryParam("model", "retired").queryParam("all", true)
                .when().delete("/api/v1/allocations")
                .then().statusCode(200).body("released", equalTo(2)).body("pool", equalTo("default"));

        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
        allocate("new", 1).then().body("backendPort", equalTo(5001));
        allocate("new", 2).then().body("backendPort", equalTo(5005));
    }

    @Test
    void releaseWithoutAppNumberIsRejected() {
        allocate("m", 1);

        given().queryParam("model", "m")
                .when().delete("/api/v1/allocations")
                .then().statusCode(400).body("errors[0].field", equalTo("appNumber"));

        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void portOfImportedPairFreesBlockedSlot() {
        // An imported pair holds 8003 as its backend, which blocks slot 1 (5003/8003) until it is released.
        database.execute("INSERT INTO port_pool (name) VALUES ('default')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('default', 'legacy', 1, 8003, 20000)");
        allocate("m", 1).then().body("backendPort", equalTo(5001));
        allocate("m", 2).then().body("backendPort", equalTo(5005));

        given().queryParam("model", "legacy").queryParam("appNumber", 1)
                .when().delete("/api/v1/allocations")
                .then().statusCode(204);

        allocate("m", 3).then().statusCode(201).body("backendPort", equalTo(5003)).body("frontendPort", equalTo(8003));
    }
}
