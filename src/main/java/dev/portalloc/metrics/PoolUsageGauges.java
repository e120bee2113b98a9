package dev.portalloc.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Gauges of each pool's slots by state and of its allocations. A scrape reads the last counts, which a scheduled job
 * refreshes every {@code portalloc.metrics.pool-usage-refresh}, so scrapes never query the database. Before the first
 * refresh, and while the database is unreachable, the gauges keep their last value (NaN at first).
 */
@ApplicationScoped
public class PoolUsageGauges {

    static final String SLOTS = "portalloc.pool.slots";
    static final String ALLOCATIONS = "portalloc.pool.allocations";

    private final PoolRegistry pools;
    private final PoolUsageQuery query;
    private final MeterRegistry registry;
    private final MetricsConfig config;
    private final Map<String, PoolUsage> usage = new ConcurrentHashMap<>();
    private volatile boolean lastRefreshFailed;

    PoolUsageGauges(PoolRegistry pools, PoolUsageQuery query, MeterRegistry registry, MetricsConfig config) {
        this.pools = pools;
        this.query = query;
        this.registry = registry;
        this.config = config;
    }

    void registerGauges(@Observes StartupEvent event) {
        for (PoolLayout layout : pools.all()) {
            String pool = layout.name();
            slotGauge(pool, "held", PoolUsage::heldSlots);
            slotGauge(pool, "free", PoolUsage::freeSlots);
            slotGauge(pool, "reserved", PoolUsage::reservedSlots);
            Gauge.builder(ALLOCATIONS, usage, counts -> value(counts, pool, PoolUsage::allocations))
                    .description("Allocations in the pool").tag("pool", pool).register(registry);
        }
        Log.infof("Pool usage gauges of %s are counted every %d s", pools.all().stream().map(PoolLayout::name).toList(),
                config.poolUsageRefresh().toSeconds());
    }

    /**
     * Counts every pool's slots and allocations again; runs on a schedule and may be called directly. Synchronized, so a
     * direct call returns only after a scheduled run that began before it has stored its counts.
     */
    @Scheduled(every = "${portalloc.metrics.pool-usage-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        try {
            for (PoolLayout layout : pools.all()) {
                usage.put(layout.name(), query.count(layout));
            }
            if (lastRefreshFailed) {
                Log.info("Counting pool slots for the usage gauges succeeded again");
                lastRefreshFailed = false;
            }
        } catch (RuntimeException e) {
            // Logged once per outage, because the job fails again every refresh interval while the database is down.
            if (!lastRefreshFailed) {
                Log.warn("Counting pool slots for the usage gauges failed; they keep their last values until a count"
                        + " succeeds", e);
                lastRefreshFailed = true;
            }
        }
    }

    private void slotGauge(String pool, String state, ToDoubleFunction<PoolUsage> value) {
        Gauge.builder(SLOTS, usage, counts -> value(counts, pool, value))
                .description("Slots of the pool by state: held (an allocation holds a port of it), free (a new key can"
                        + " get it) or reserved (it contains a reserved port and no held one)")
                .tags("pool", pool, "state", state).register(registry);
    }

    private static double value(Map<String, PoolUsage> counts, String pool, ToDoubleFunction<PoolUsage> value) {
        PoolUsage current = counts.get(pool);
        return current == null ? Double.NaN : value.applyAsDouble(current);
    }
}
