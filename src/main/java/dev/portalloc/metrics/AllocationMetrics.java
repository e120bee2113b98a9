package dev.portalloc.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counters and timers of what the allocator does, exported in Prometheus format at {@code /q/metrics}. Every meter has a
 * {@code pool} tag whose value is a configured pool name, so the number of series stays bounded.
 */
@ApplicationScoped
public class AllocationMetrics {

    static final String ALLOCATIONS = "portalloc.allocations";
    static final String ALLOCATION_DURATION = "portalloc.allocation.duration";
    static final String REJECTIONS = "portalloc.allocations.rejected";
    static final String RELEASES = "portalloc.releases";
    static final String IMPORTS = "portalloc.imports";
    static final String LOCK_WAIT = "portalloc.pool.lock.wait";

    /**
     * Upper bounds of the latency histogram's buckets, from a primary-key read to the default lock timeout (5 s). Eleven
     * buckets keep the number of series per pool small.
     */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;

    AllocationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts a get-or-allocate call that returned a pair, as {@code result=new} when it allocated one and
     * {@code result=existing} when the key already held it, and records its duration including the commit.
     */
    public void recordAllocation(String pool, boolean created, long durationNanos) {
        String result = created ? "new" : "existing";
        Counter.builder(ALLOCATIONS).description("Get-or-allocate calls that returned a port pair")
                .tags("pool", pool, "result", result).register(registry).increment();
        Timer.builder(ALLOCATION_DURATION).description("Duration of get-or-allocate calls, from the call to the commit")
                .tags("pool", pool, "result", result)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts an allocation that was rejected because the pool has no free slot. */
    public void recordExhausted(String pool) {
        Counter.builder(REJECTIONS).description("Allocations rejected without a port pair")
                .tags("pool", pool, "reason", "pool-exhausted").register(registry).increment();
    }

    /** Counts released allocations; zero registers the counter without moving it. */
    public void recordRelease(String pool, int allocations) {
        Counter.builder(RELEASES).description("Allocations released").tag("pool", pool)
                .register(registry).increment(allocations);
    }

    /** Counts allocations that an import of pre-assigned ports stored. */
    public void recordImport(String pool, int allocations) {
        Counter.builder(IMPORTS).description("Allocations stored by imports of pre-assigned ports").tag("pool", pool)
                .register(registry).increment(allocations);
    }

    /**
     * Runs {@code locking} and records how long it took to get the pool's lock, tagged {@code outcome=acquired}, or
     * {@code outcome=failed} when it threw (a lock timeout or a database failure).
     */
    public <T> T timeLockWait(String pool, Supplier<T> locking) {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            T locked = locking.get();
            outcome = "acquired";
            return locked;
        } finally {
            Timer.builder(LOCK_WAIT).description("Time spent waiting for a pool's row lock")
                    .tags("pool", pool, "outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
