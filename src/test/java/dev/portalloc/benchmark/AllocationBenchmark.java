package dev.portalloc.benchmark;

import static dev.portalloc.benchmark.BenchmarkProfile.BACKEND_START;
import static dev.portalloc.benchmark.BenchmarkProfile.FRONTEND_START;
import static dev.portalloc.benchmark.BenchmarkProfile.POOLS;
import static dev.portalloc.benchmark.BenchmarkProfile.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.pool.SlotQueryPlans;
import dev.portalloc.pool.SlotQueryPlans.QueryPlan;
import dev.portalloc.testing.ApiClient;
import dev.portalloc.testing.ApiClient.Reply;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Measures get-or-allocate over HTTP at 100, 10,000 and 50,000 existing allocations, and release-then-reuse of the lowest
 * free slot at 50,000, then prints the figures and the query plans of the slot queries. Surefire's default includes
 * (names starting with Test or ending in Test, Tests or TestCase) leave it out of the default build; run it with
 * {@code ./mvnw -B test -Pbenchmark}. It asserts correctness (every allocation succeeds, a reuse gets the released slot),
 * never timings.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class AllocationBenchmark {

    private static final int[] SIZES = { 100, 10_000, 50_000 };
    private static final int PASSES = 3;
    private static final int CLIENTS = 8;
    /** Allocations of each measured run, added to the seeded ones, so a run at 100 ends at 1,100. */
    private static final int MEASURED_REQUESTS = 1_000;
    private static final int REUSES = 200;

    @Inject
    TestDatabase database;

    @Inject
    PoolRegistry pools;

    @TestHTTPResource("/")
    URI root;

    @Test
    void allocationAndReuseAtScale() throws Exception {
        ApiClient api = new ApiClient(root);
        seed(10_000);
        // Lets the JIT compile the request path before anything is measured.
        allocateConcurrently(api, "warm-up", 4 * MEASURED_REQUESTS);

        List<String> lines = new ArrayList<>(allocateAtEachSize(api));
        seed(50_000);
        lines.addAll(releaseThenReuse(api));
        lines.addAll(explainSlotQueries(api));
        System.out.println("\n==== Allocation benchmark (%d pools, %d concurrent clients) ====\n%s\n===="
                .formatted(POOLS, CLIENTS, String.join("\n", lines)));
    }

    /** Measures {@link #PASSES} runs at each size, the sizes taking turns, and returns each run and the medians. */
    private List<String> allocateAtEachSize(ApiClient api) throws Exception {
        List<String> lines = new ArrayList<>();
        Map<Integer, List<LatencySummary>> runs = new TreeMap<>();
        for (int pass = 1; pass <= PASSES; pass++) {
            for (int size : SIZES) {
                seed(size);
                LatencySummary summary = allocateConcurrently(api, "new-" + pass, MEASURED_REQUESTS);
                runs.computeIfAbsent(size, key -> new ArrayList<>()).add(summary);
                lines.add("pass %d    allocate at %,6d existing  %s".formatted(pass, size, format(summary)));
            }
        }
        runs.forEach((size, summaries) -> lines.add("median    allocate at %,6d existing  %s"
                .formatted(size, format(LatencySummary.median(summaries)))));
        LatencySummary smallest = LatencySummary.median(runs.get(SIZES[0]));
        LatencySummary largest = LatencySummary.median(runs.get(SIZES[SIZES.length - 1]));
        lines.add("ratio %,d / %,d existing (medians): p50 %.2f, p99 %.2f, throughput %.2f".formatted(
                SIZES[SIZES.length - 1], SIZES[0], largest.p50Millis() / smallest.p50Millis(),
                largest.p99Millis() / smallest.p99Millis(), largest.throughput() / smallest.throughput()));
        return lines;
    }

    /**
     * Replaces all data with {@code size} allocations spread evenly over the pools, as if the service had handed out each
     * pool's lowest slots in order, and refreshes the planner's statistics as autovacuum would.
     */
    private void seed(int size) {
        database.clear();
        for (int i = 0; i < POOLS; i++) {
            String name = pool(i);
            int count = size / POOLS;
            String fingerprint = pools.find(name).orElseThrow().fingerprint();
            database.execute("INSERT INTO port_pool (name, layout, next_slot) VALUES ('%s', '%s', %d)"
                    .formatted(name, fingerprint, count));
            database.execute(("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                    + " SELECT '%s', 'seed-' || (s / 100), s %% 100 + 1, %d + s, %d + s FROM generate_series(0, %d) AS s")
                    .formatted(name, BACKEND_START, FRONTEND_START, count - 1));
        }
        database.execute("VACUUM ANALYZE allocation, held_port, free_slot, port_pool");
    }

    /** Allocates new keys, spread round-robin over the pools, from {@link #CLIENTS} concurrent clients. */
    private static LatencySummary allocateConcurrently(ApiClient api, String model, int requests) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Reply reply = api.allocate(pool(i % POOLS), model, i + 1);
                    latencies[i] = System.nanoTime() - sent;
                    assertEquals(201, reply.status(), reply.body());
                }
                return null;
            }));
        }
        for (Future<?> client : done) {
            client.get();
        }
        long wall = System.nanoTime() - start;
        clients.shutdown();
        return LatencySummary.of(latencies, wall);
    }

    /**
     * Releases the seeded keys of the lowest slots of one pool one by one, each followed by an allocation of a new key that
     * must get the slot just released, because it is then the pool's lowest free slot.
     */
    private static List<String> releaseThenReuse(ApiClient api) {
        long[] releases = new long[REUSES];
        long[] reuses = new long[REUSES];
        for (int slot = 0; slot < REUSES; slot++) {
            long sent = System.nanoTime();
            Reply released = api.release(pool(0), "seed-" + slot / 100, slot % 100 + 1);
            releases[slot] = System.nanoTime() - sent;
            assertEquals(204, released.status(), released.body());

            sent = System.nanoTime();
            Reply reused = api.allocate(pool(0), "reuse", slot + 1);
            reuses[slot] = System.nanoTime() - sent;
            assertEquals(201, reused.status(), reused.body());
            assertEquals(BACKEND_START + slot, reused.backendPort(), reused.body());
            assertEquals(FRONTEND_START + slot, reused.frontendPort(), reused.body());
        }
        // One client, one request at a time: the throughput is 1 / mean latency.
        return List.of(
                "release   at 50,000 existing, 1 client  " + format(LatencySummary.of(releases, LongStream.of(releases).sum())),
                "reuse     at 50,000 existing, 1 client  " + format(LatencySummary.of(reuses, LongStream.of(reuses).sum())));
    }

    /**
     * Runs the slot queries with EXPLAIN at the smallest and the largest size, each time after releasing up to 100 keys of
     * one pool so that the free list is not empty, and returns a comparison and the plans at the largest size.
     */
    private List<String> explainSlotQueries(ApiClient api) {
        Map<Integer, List<QueryPlan>> plans = new TreeMap<>();
        for (int size : new int[] { SIZES[0], SIZES[SIZES.length - 1] }) {
            seed(size);
            int released = Math.min(100, size / POOLS / 2);
            for (int app = 1; app <= released; app++) {
                assertEquals(204, api.release(pool(1), "seed-0", app).status());
            }
            database.execute("VACUUM ANALYZE allocation, held_port, free_slot, port_pool");
            // The key of the pool's highest seeded slot, which no release touched.
            int lastSlot = size / POOLS - 1;
            plans.put(size, SlotQueryPlans.explainAll(database, pools.find(pool(1)).orElseThrow(), "seed-" + lastSlot / 100,
                    lastSlot % 100 + 1));
        }
        List<QueryPlan> small = plans.get(SIZES[0]);
        List<QueryPlan> large = plans.get(SIZES[SIZES.length - 1]);
        List<String> lines = new ArrayList<>(List.of("Slot queries at %,d and %,d allocations: buffers, execution ms"
                .formatted(SIZES[0], SIZES[SIZES.length - 1])));
        for (int i = 0; i < small.size(); i++) {
            lines.add("  %-40s %5d %5d   %7.3f %7.3f".formatted(small.get(i).title(), small.get(i).buffers(),
                    large.get(i).buffers(), small.get(i).executionMillis(), large.get(i).executionMillis()));
        }
        lines.add("Plans at %,d allocations and %d free-list entries:".formatted(
                database.count("SELECT count(*) FROM allocation"), database.count("SELECT count(*) FROM free_slot")));
        large.forEach(plan -> lines.add(plan.format()));
        return lines;
    }

    private static String format(LatencySummary summary) {
        return "%,6d requests  %7.1f req/s  p50 %6.2f ms  p99 %6.2f ms".formatted(summary.requests(), summary.throughput(),
                summary.p50Millis(), summary.p99Millis());
    }
}
