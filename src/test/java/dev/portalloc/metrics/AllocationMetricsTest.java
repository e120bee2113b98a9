package dev.portalloc.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.PrometheusScrape;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(AllocationMetricsTest.TinyPool.class)
class AllocationMetricsTest {

    private static final Map<String, String> NEW = Map.of("pool", "default", "result", "new");
    private static final Map<String, String> EXISTING = Map.of("pool", "default", "result", "existing");

    @Inject
    TestDatabase database;

    @Inject
    PoolUsageGauges gauges;

    @Inject
    AllocationMetrics metrics;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void allocationsCountedAsNewOrExisting() {
        PrometheusScrape before = PrometheusScrape.now();

        allocate(null, "metrics-model", 1).then().statusCode(201);
        allocate(null, "metrics-model", 1).then().statusCode(200);
        PrometheusScrape after = PrometheusScrape.now();

        assertEquals(before.value("portalloc_allocations_total", NEW) + 1, after.value("portalloc_allocations_total", NEW));
        assertEquals(before.value("portalloc_allocations_total", EXISTING) + 1,
                after.value("portalloc_allocations_total", EXISTING));
        assertEquals(before.value("portalloc_allocation_duration_seconds_count", NEW) + 1,
                after.value("portalloc_allocation_duration_seconds_count", NEW));
        assertTrue(after.value("portalloc_allocation_duration_seconds_sum", NEW) > 0, "no allocation time recorded");
    }

    @Test
    void lockWaitTimed() {
        Map<String, String> acquired = Map.of("pool", "default", "outcome", "acquired");
        double before = PrometheusScrape.now().value("portalloc_pool_lock_wait_seconds_count", acquired);

        allocate(null, "lock-model", 1).then().statusCode(201);

        assertTrue(PrometheusScrape.now().value("portalloc_pool_lock_wait_seconds_count", acquired) > before,
                "no lock wait recorded");
    }

    @Test
    void releasesCounted() {
        Map<String, String> pool = Map.of("pool", "default");
        allocate(null, "retired", 1).then().statusCode(201);
        allocate(null, "retired", 2).then().statusCode(201);
        double before = PrometheusScrape.now().value("portalloc_releases_total", pool);

        given().queryParam("model", "retired").queryParam("all", true)
                .when().delete("/api/v1/allocations").then().statusCode(200);

        assertEquals(before + 2, PrometheusScrape.now().value("portalloc_releases_total", pool));
    }

    @Test
    void exhaustionCounted() {
        Map<String, String> exhausted = Map.of("pool", "tiny", "reason", "pool-exhausted");
        allocate("tiny", "m", 1).then().statusCode(201);
        allocate("tiny", "m", 2).then().statusCode(201);
        double before = PrometheusScrape.now().value("portalloc_allocations_rejected_total", exhausted);

        allocate("tiny", "m", 3).then().statusCode(409);

        assertEquals(before + 1, PrometheusScrape.now().value("portalloc_allocations_rejected_total", exhausted));
    }

    @Test
    void importsCounted() {
        Map<String, String> pool = Map.of("pool", "default");
        double before = PrometheusScrape.now().value("portalloc_imports_total", pool);

        given().contentType(ContentType.JSON)
                .body("[{\"model\": \"imported\", \"app_number\": 1, \"backend_port\": 20001, \"frontend_port\": 20002},"
                        + " {\"model\": \"imported\", \"app_number\": 2, \"backend_port\": 20003, \"frontend_port\": 20004}]")
                .when().post("/api/v1/allocations/import?dryRun=true")
                .then().statusCode(200);
        assertEquals(before, PrometheusScrape.now().value("portalloc_imports_total", pool));

        given().contentType(ContentType.JSON)
                .body("[{\"model\": \"imported\", \"app_number\": 1, \"backend_port\": 20001, \"frontend_port\": 20002},"
                        + " {\"model\": \"imported\", \"app_number\": 2, \"backend_port\": 20003, \"frontend_port\": 20004}]")
                .when().post("/api/v1/allocations/import")
                .then().statusCode(200);

        assertEquals(before + 2, PrometheusScrape.now().value("portalloc_imports_total", pool));
    }

    @Test
    void gaugesCountSlotsByState() {
        allocate("tiny", "m", 1).then().statusCode(201);
        allocate(null, "m", 1).then().statusCode(201);
        // An imported pair whose backend port is the frontend port of slot 1 and whose frontend is outside the layout.
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('default', 'legacy', 1, 8003, 20000)");

        gauges.refresh();
        PrometheusScrape scrape = PrometheusScrape.now();

        assertEquals(1, slots(scrape, "tiny", "held"));
        assertEquals(1, slots(scrape, "tiny", "free"));
        assertEquals(1, slots(scrape, "tiny", "reserved"));
        assertEquals(2, slots(scrape, "default", "held"));
        assertEquals(1498, slots(scrape, "default", "free"));
        assertEquals(0, slots(scrape, "default", "reserved"));
        assertEquals(2, scrape.value("portalloc_pool_allocations", Map.of("pool", "default")));
        assertEquals(1, scrape.value("portalloc_pool_allocations", Map.of("pool", "tiny")));
    }

    private static double slots(PrometheusScrape scrape, String pool, String state) {
        return scrape.value("portalloc_pool_slots", Map.of("pool", pool, "state", state));
    }

    private static Response allocate(String pool, String model, int appNumber) {
        String poolField = pool == null ? "" : "\"pool\": \"" + pool + "\", ";
        return given().contentType(ContentType.JSON)
                .body("{" + poolField + "\"model\": \"" + model + "\", \"appNumber\": " + appNumber + "}")
                .when().post("/api/v1/allocations");
    }

    /** Adds pool "tiny": slots 41001/41101, 41003/41103 (reserved) and 41005/41105, so two keys exhaust it. */
    public static class TinyPool implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portalloc.pools.tiny.backend-start", "41001",
                    "portalloc.pools.tiny.backend-end", "41005",
                    "portalloc.pools.tiny.frontend-start", "41101",
                    "portalloc.pools.tiny.frontend-end", "41105",
                    "portalloc.pools.tiny.step", "2",
                    "portalloc.pools.tiny.reserved", "41103");
        }
    }
}
