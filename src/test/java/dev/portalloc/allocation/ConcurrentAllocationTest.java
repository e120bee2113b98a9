package dev.portalloc.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Many real clients at once, each key asked for several times, and the stored rows checked against every answer. */
@QuarkusTest
class ConcurrentAllocationTest {

    private static final int THREADS = 48;
    private static final int KEYS = 120;
    private static final int CALLS_PER_KEY = 4;

    @Inject
    TestDatabase database;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/v1/allocations")
    URI allocations;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void concurrentCallsKeepPortsUnique() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int call = 0; call < CALLS_PER_KEY; call++) {
            for (int key = 0; key < KEYS; key++) {
                bodies.add("{\"model\": \"model-%d\", \"appNumber\": %d}".formatted(key % 7, key + 1));
            }
        }
        Collections.shuffle(bodies);

        List<JsonNode> answers = postAll(bodies);

        assertEquals(KEYS, database.count("SELECT count(*) FROM allocation"));
        assertEquals(0, database.count("""
                SELECT count(*) FROM (SELECT port FROM (SELECT backend_port AS port FROM allocation
                                                         UNION ALL SELECT frontend_port FROM allocation) ports
                                      GROUP BY port HAVING count(*) > 1) duplicates"""));
        Map<String, String> stored = database.rows("SELECT model, app_number, backend_port, frontend_port FROM allocation")
                .stream().collect(Collectors.toMap(row -> row.get(0) + "#" + row.get(1), row -> row.get(2) + "/" + row.get(3)));
        for (JsonNode answer : answers) {
            String key = answer.get("model").asText() + "#" + answer.get("appNumber").asInt();
            String pair = answer.get("backendPort").asInt() + "/" + answer.get("frontendPort").asInt();
            assertEquals(stored.get(key), pair, "answer for " + key);
        }
        assertEquals(KEYS, answers.stream().filter(answer -> answer.get("status").asInt() == 201).count());
        // The first KEYS slots are exactly the ones taken: no slot skipped, none handed out twice.
        assertEquals(5001 + 2 * (KEYS - 1), database.count("SELECT max(backend_port) FROM allocation"));
    }

    private List<JsonNode> postAll(List<String> bodies) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(pool.submit(() -> post(client, body)));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode post(HttpClient client, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(allocations)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(response.body()))
                .put("status", response.statusCode());
    }
}
