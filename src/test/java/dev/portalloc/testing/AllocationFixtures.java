package dev.portalloc.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Ways for tests to create allocations: through the API, or by SQL for states the API never produces. */
public final class AllocationFixtures {

    private AllocationFixtures() {
    }

    /** Get-or-allocate through the API, with the pool chosen by the service. */
    public static Response allocate(String model, int appNumber) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("model", model, "appNumber", appNumber))
                .when().post("/api/v1/allocations");
    }

    /**
     * Inserts an allocation row directly, as an import or an old layout may have left it. The held_port trigger still
     * runs, so the pair must not share a port with another allocation of the pool.
     */
    public static void insert(TestDatabase database, String pool, String model, int appNumber, int backendPort,
            int frontendPort) {
        database.execute("INSERT INTO port_pool (name) VALUES ('%s') ON CONFLICT DO NOTHING".formatted(pool));
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('%s', '%s', %d, %d, %d)".formatted(pool, model, appNumber, backendPort, frontendPort));
    }
}
