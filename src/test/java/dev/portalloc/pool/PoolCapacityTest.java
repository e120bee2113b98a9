package dev.portalloc.pool;

import static dev.portalloc.pool.PoolRoutingTest.allocate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.ApiClient;
import dev.portalloc.testing.ApiClient.Reply;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PoolsProfile.class)
class PoolCapacityTest {

    private static final String TINY_EXHAUSTED = "pool 'tiny' is exhausted: all 5 slots of backend range 40000-40004 and"
            + " frontend range 40100-40104 (step 1) are held or contain a held or reserved port; release unused"
            + " allocations, or widen the ranges with portalloc.pools.tiny.backend-end and portalloc.pools.tiny.frontend-end"
            + " (moving a start where an end would reach into the other range), or route some models to another pool";

    @Inject
    TestDatabase database;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void slotsWithReservedPortsAreSkipped() {
        List<Integer> backends = new ArrayList<>();
        for (int app = 1; app <= 8; app++) {
            backends.add(allocate("reserving", "m", app).then().statusCode(201).extract().path("backendPort"));
        }
        allocate("reserving", "m", 9).then().statusCode(409);

        // Slot 1 (31001/31101) contains reserved backend 31001, slot 3 (31003/31103) reserved frontend 31103.
        assertEquals(List.of(31000, 31002, 31004, 31005, 31006, 31007, 31008, 31009), backends);
        assertEquals(0, database.count("SELECT count(*) FROM allocation"
                + " WHERE backend_port IN (31001, 31101, 31003, 31103) OR frontend_port IN (31001, 31101, 31003, 31103)"));
    }

    @Test
    void releaseNeverFreesReservedSlot() {
        // An imported pair holds 31101, the frontend port of slot 1, as its backend; slot 1 also contains reserved 31001.
        database.execute("INSERT INTO port_pool (name) VALUES ('reserving')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('reserving', 'legacy', 1, 31101, 31200)");
        allocate("reserving", "m", 1).then().statusCode(201).body("backendPort", equalTo(31000));
        allocate("reserving", "m", 2).then().statusCode(201).body("backendPort", equalTo(31002));

        release("reserving", "legacy", 1);
        release("reserving", "m", 1);

        allocate("reserving", "n", 1).then().statusCode(201).body("backendPort", equalTo(31000));
        allocate("reserving", "n", 2).then().statusCode(201).body("backendPort", equalTo(31004))
                .body("frontendPort", equalTo(31104));
        assertEquals(0, database.count("SELECT count(*) FROM free_slot"));
    }

    @Test
    void exhaustedPoolNamesPoolAndRanges() {
        for (int app = 1; app <= 5; app++) {
            allocate("tiny", "m", app).then().statusCode(201)
                    .body("backendPort", equalTo(39999 + app))
                    .body("frontendPort", equalTo(40099 + app));
        }
        List<List<String>> full = database.allocations();

        allocate("tiny", "other", 1).then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", equalTo(TINY_EXHAUSTED));

        assertEquals(full, database.allocations());
        // A key that already holds a pair still gets it.
        allocate("tiny", "m", 3).then().statusCode(200).body("backendPort", equalTo(40002));
        // Other pools are not affected.
        allocate("gpu-hosts", "other", 1).then().statusCode(201);
    }

    @Test
    void lastSlotHasExactlyOneWinner() throws Exception {
        for (int app = 1; app <= 5; app++) {
            allocate("tiny", "m", app).then().statusCode(201);
        }
        allocate("tiny", "late", 1).then().statusCode(409);
        release("tiny", "m", 3);

        List<Reply> replies = allocateAtOnce("tiny", "racer", 10);

        List<Reply> winners = replies.stream().filter(reply -> reply.status() == 201).toList();
        List<Reply> losers = replies.stream().filter(reply -> reply.status() == 409).toList();
        assertEquals(1, winners.size(), replies.toString());
        assertEquals(9, losers.size(), replies.toString());
        assertEquals(40002, winners.get(0).backendPort());
        assertEquals(40102, winners.get(0).frontendPort());
        losers.forEach(loser -> assertEquals(TINY_EXHAUSTED, loser.json().path("detail").asText()));

        allocate("tiny", "late", 1).then().statusCode(409).body("detail", equalTo(TINY_EXHAUSTED));
        assertEquals(5, database.count("SELECT count(*) FROM allocation WHERE pool = 'tiny'"));
        assertEquals(1, database.count("SELECT count(*) FROM allocation WHERE model = 'racer'"));
    }

    /** Sends {@code callers} requests for distinct keys of one model, released together by a latch. */
    private List<Reply> allocateAtOnce(String pool, String model, int callers) throws Exception {
        ApiClient api = new ApiClient(root);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> pending = new ArrayList<>();
            for (int app = 1; app <= callers; app++) {
                int appNumber = app;
                pending.add(threads.submit(() -> {
                    start.await();
                    return api.allocate(pool, model, appNumber);
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }

    static void release(String pool, String model, int appNumber) {
        given().queryParam("pool", pool).queryParam("model", model).queryParam("appNumber", appNumber)
                .when().delete("/api/v1/allocations")
                .then().statusCode(204);
    }
}
