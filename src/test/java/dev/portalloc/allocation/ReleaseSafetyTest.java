package dev.portalloc.allocation;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Releasing is safe to repeat, also concurrently, and never frees a port that another key holds now. */
@QuarkusTest
class ReleaseSafetyTest {

    private static final String HELD_PORTS = "SELECT port FROM held_port ORDER BY port";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Inject
    TestDatabase database;

    @TestHTTPResource("/")
    URL service;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void repeatedReleaseChangesNothing() {
        allocate("m", 1);
        allocate("m", 2);
        release("m", 1).then().statusCode(204);
        List<List<String>> allocations = database.allocations();
        List<List<String>> heldPorts = database.rows(HELD_PORTS);

        release("m", 1).then().statusCode(404).contentType("application/problem+json");

        assertEquals(allocations, database.allocations());
        assertEquals(heldPorts, database.rows(HELD_PORTS));
        assertEquals(List.of(List.of("0")), database.rows("SELECT slot FROM free_slot ORDER BY slot"));
    }

    @Test
    void releaseAfterReuseKeepsNewHoldersPair() {
        allocate("old", 1).then().body("backendPort", equalTo(5001));
        release("old", 1).then().statusCode(204);
        allocate("new", 1).then().statusCode(201).body("backendPort", equalTo(5001)).body("frontendPort", equalTo(8001));

        release("old", 1).then().statusCode(404);

        assertEquals(List.of(List.of("5001"), List.of("8001")), database.rows(HELD_PORTS));
        assertEquals(0, database.count("SELECT count(*) FROM free_slot"));
        given().queryParam("model", "new").queryParam("appNumber", 1)
                .when().get("/api/v1/allocations/lookup")
                .then().statusCode(200).body("backendPort", equalTo(5001));
        allocate("next", 1).then().statusCode(201).body("backendPort", equalTo(5003));
    }

    @Test
    void concurrentReleasesOfOneKeySucceedOnce() throws Exception {
        allocate("m", 1);
        allocate("m", 2);
        int clients = 8;
        List<Callable<Integer>> releases = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            releases.add(() -> send("DELETE", "/api/v1/allocations?model=m&appNumber=1"));
        }

        List<Integer> statuses = runTogether(releases);

        assertEquals(1, statuses.stream().filter(status -> status == 204).count(), statuses.toString());
        assertEquals(clients - 1, statuses.stream().filter(status -> status == 404).count(), statuses.toString());
        assertEquals(List.of(List.of("default", "m", "2", "5003", "8003")), database.allocations());
        assertEquals(List.of(List.of("0")), database.rows("SELECT slot FROM free_slot ORDER BY slot"));
        allocate("n", 1).then().statusCode(201).body("backendPort", equalTo(5001));
        allocate("n", 2).then().statusCode(201).body("backendPort", equalTo(5005));
    }

    @Test
    void releasesRacingAllocationsNeverShareAPort() throws Exception {
        int keys = 20;
        for (int app = 1; app <= keys; app++) {
            allocate("old", app);
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int app = 1; app <= keys; app++) {
            String body = "{\"model\":\"new\",\"appNumber\":%d}".formatted(app);
            String release = "/api/v1/allocations?model=old&appNumber=%d".formatted(app);
            calls.add(() -> send("DELETE", release));
            calls.add(() -> send("DELETE", release));
            calls.add(() -> post(body));
        }

        List<Integer> statuses = runTogether(calls);

        assertEquals(keys, statuses.stream().filter(status -> status == 204).count(), statuses.toString());
        assertEquals(keys, statuses.stream().filter(status -> status == 404).count(), statuses.toString());
        assertEquals(keys, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        List<List<String>> allocations = database.allocations();
        assertEquals(keys, allocations.size());
        Set<String> ports = new HashSet<>();
        for (List<String> allocation : allocations) {
            assertEquals("new", allocation.get(1));
            ports.add(allocation.get(3));
            ports.add(allocation.get(4));
        }
        assertEquals(2 * keys, ports.size(), allocations.toString());
        assertEquals(2L * keys, database.count("SELECT count(*) FROM held_port"));
        given().when().get("/api/v1/allocations/check").then().statusCode(200).body("status", equalTo("clean"));
    }

    private static Response release(String model, int appNumber) {
        return given().queryParam("model", model).queryParam("appNumber", appNumber).when().delete("/api/v1/allocations");
    }

    /** Starts every call at once from its own thread and returns the HTTP statuses in call order. */
    private static List<Integer> runTogether(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private int send(String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int post(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/allocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(service.toString().replaceAll("/$", "") + pathAndQuery);
    }
}
