package dev.portalloc.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.portalloc.stress.Exchange.Key;

/**
 * Concurrent clients that each send one request at a time to a random serving replica: get-or-allocate (55 %), look-up
 * (25 %) or release (20 %) of a random key from a fixed key space in the {@code load} pool. At that mix about three keys
 * in four hold a pair at any time, so requests allocate new pairs, repeat held keys, find and miss keys, and free pairs.
 */
final class MixedLoad {

    private static final int APPS_PER_MODEL = 25;
    private static final int ALLOCATE_PERCENT = 55;
    private static final int LOOKUP_PERCENT = 25;

    private final Cluster cluster;
    private final AllocationClient client;
    private final String scenario;
    private final List<Key> keys;

    /** Keys are {@code keyCount} app numbers spread over models named {@code load-<name>/...}. */
    MixedLoad(Cluster cluster, AllocationClient client, String scenario, int keyCount) {
        this.cluster = cluster;
        this.client = client;
        this.scenario = scenario;
        this.keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            String model = "load-%s/Model-3.1:%d".formatted(scenario, i / APPS_PER_MODEL);
            keys.add(new Key("load", model, i % APPS_PER_MODEL + 1));
        }
    }

    /** Sends requests from {@code clients} threads until {@code requestLimit} were sent or {@code timeLimit} passed. */
    Duration run(int clients, long requestLimit, Duration timeLimit) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    while (issued.incrementAndGet() <= requestLimit && System.nanoTime() < deadline) {
                        sendOne();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void sendOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Key key = keys.get(random.nextInt(keys.size()));
        Replica replica = cluster.anyServingReplica();
        int dice = random.nextInt(100);
        if (dice < ALLOCATE_PERCENT) {
            client.allocate(scenario, replica, key);
        } else if (dice < ALLOCATE_PERCENT + LOOKUP_PERCENT) {
            client.lookup(scenario, replica, key);
        } else {
            client.release(scenario, replica, key);
        }
    }
}
