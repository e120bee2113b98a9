package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.entry;
import static dev.portalloc.legacy.Imports.file;
import static dev.portalloc.legacy.Imports.portsHeldTwice;
import static dev.portalloc.legacy.Imports.postImport;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Imports whose entries go to two pools: each entry to the pool that a request for its model would get. */
@QuarkusTest
@TestProfile(MultiPoolImportTest.TwoPools.class)
class MultiPoolImportTest {

    @Inject
    TestDatabase database;

    public static class TwoPools implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portalloc.pools.gpu.backend-start", "20001",
                    "portalloc.pools.gpu.backend-end", "20999",
                    "portalloc.pools.gpu.frontend-start", "21001",
                    "portalloc.pools.gpu.frontend-end", "21999",
                    "portalloc.pools.gpu.models", "gpu-.*");
        }
    }

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void entriesGoToPoolOfTheirModel() {
        // The same ports in two pools do not conflict: each pool is its own port space.
        postImport(file(entry("gpu-llama", 1, 5001, 8001), entry("openai_gpt-4", 1, 5001, 8001))).then()
                .statusCode(200)
                .body("imported", equalTo(2));

        assertEquals(List.of(List.of("gpu", "gpu-llama", "1", "5001", "8001"),
                List.of("default", "openai_gpt-4", "1", "5001", "8001")), database.allocations());
    }

    @Test
    void reassignedKeyGetsSlotOfItsPool() {
        postImport(file(entry("gpu-a", 1, 30000, 30001), entry("gpu-b", 1, 30001, 30002)), "onConflict", "reassign")
                .then()
                .statusCode(200)
                .body("reassignments[0].pool", equalTo("gpu"))
                .body("reassignments[0].backendPort", equalTo(20001))
                .body("reassignments[0].frontendPort", equalTo(21001));
    }

    @Test
    void importsInOppositePoolOrderBothCommit() throws Exception {
        // Each file lists its pools in the other order; locks taken in file order could deadlock.
        List<String> files = new ArrayList<>();
        for (int run = 0; run < 8; run++) {
            String gpu = entry("gpu-m" + run, 1, 22000 + 2 * run, 23000 + 2 * run);
            String other = entry("m" + run, 1, 12000 + 2 * run, 13000 + 2 * run);
            files.add(run % 2 == 0 ? file(gpu, other) : file(other, gpu));
        }
        ExecutorService pool = Executors.newFixedThreadPool(files.size());
        try {
            List<Future<Response>> imports = new ArrayList<>();
            for (String body : files) {
                imports.add(pool.submit(() -> postImport(body)));
            }
            for (Future<Response> running : imports) {
                running.get(60, TimeUnit.SECONDS).then().statusCode(200).body("imported", equalTo(2));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(16, database.count("SELECT count(*) FROM allocation"));
        assertEquals(List.of(), portsHeldTwice(database));
    }
}
