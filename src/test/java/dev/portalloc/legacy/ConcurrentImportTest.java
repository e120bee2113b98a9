package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.entry;
import static dev.portalloc.legacy.Imports.portsHeldTwice;
import static dev.portalloc.legacy.Imports.postImport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ConcurrentImportTest {

    private static final int THREADS = 16;
    private static final int KEYS_PER_THREAD = 20;
    private static final int FILE_ENTRIES = 400;
    /** Allocations that complete before the import starts, so the file's low slots are contested for sure. */
    private static final int BEFORE_IMPORT = 32;

    @Inject
    TestDatabase database;

    @TestHTTPResource("/api/v1/allocations")
    URI allocations;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void importWhileSixteenThreadsAllocate() throws Exception {
        // The file claims slots 0-399 exactly as the old system numbered them; the threads take slots from 0 upward.
        String file = IntStream.range(0, FILE_ENTRIES)
                .mapToObj(slot -> entry("legacy", slot + 1, 5001 + 2 * slot, 8001 + 2 * slot))
                .collect(Collectors.joining(",", "[", "]"));
        CountDownLatch someAllocated = new CountDownLatch(BEFORE_IMPORT);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Integer>>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                String model = "live-" + t;
                threads.add(pool.submit(() -> allocateKeys(client, model, someAllocated)));
            }
            assertTrue(someAllocated.await(60, TimeUnit.SECONDS), "the threads did not start allocating");

            Response imported = postImport(file, "onConflict", "reassign");

            imported.then().statusCode(200);
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> thread : threads) {
                statuses.addAll(thread.get(120, TimeUnit.SECONDS));
            }
            assertEquals(THREADS * KEYS_PER_THREAD, statuses.stream().filter(status -> status == 201).count(),
                    "statuses: " + statuses);
            assertEquals(FILE_ENTRIES, imported.jsonPath().getInt("imported") + imported.jsonPath().getInt("reassigned"));
            assertTrue(imported.jsonPath().getInt("reassigned") >= BEFORE_IMPORT,
                    "reassigned: " + imported.jsonPath().getInt("reassigned"));
            assertEveryLegacyKeyHoldsItsReportedPair(imported);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), portsHeldTwice(database));
        assertEquals(FILE_ENTRIES + THREADS * KEYS_PER_THREAD, database.count("SELECT count(*) FROM allocation"));
    }

    private List<Integer> allocateKeys(HttpClient client, String model, CountDownLatch someAllocated) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int app = 1; app <= KEYS_PER_THREAD; app++) {
            HttpRequest request = HttpRequest.newBuilder(allocations)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"%s\",\"appNumber\":%d}".formatted(model, app)))
                    .build();
            statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
            someAllocated.countDown();
        }
        return statuses;
    }

    private void assertEveryLegacyKeyHoldsItsReportedPair(Response imported) {
        Map<Integer, String> reassigned = imported.jsonPath().getList("reassignments", Map.class).stream()
                .collect(Collectors.toMap(moved -> (Integer) moved.get("appNumber"),
                        moved -> moved.get("backendPort") + "/" + moved.get("frontendPort")));
        Map<Integer, String> held = database
                .rows("SELECT app_number, backend_port, frontend_port FROM allocation WHERE model = 'legacy'").stream()
                .collect(Collectors.toMap(row -> Integer.valueOf(row.get(0)), row -> row.get(1) + "/" + row.get(2)));
        assertEquals(FILE_ENTRIES, held.size());
        for (int app = 1; app <= FILE_ENTRIES; app++) {
            int slot = app - 1;
            String expected = reassigned.getOrDefault(app, (5001 + 2 * slot) + "/" + (8001 + 2 * slot));
            assertEquals(expected, held.get(app), "app " + app);
        }
    }
}
