package dev.portalloc.operations;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Usage figures of all allocations; the timestamps are null when there is no allocation. */
@RegisterForReflection
public record StatsReport(long allocations, long models, Instant oldestCreatedAt, Instant newestCreatedAt,
        List<ModelCount> perModel, List<PoolStats> pools) {

    /** How many allocations a model holds, over all pools. */
    @RegisterForReflection
    public record ModelCount(String model, long allocations) {
    }

    /**
     * One configured pool. {@code held} counts allocations that are exactly a slot of the layout; {@code free} counts
     * slots that a new key can get (no port held by anyone, none reserved); {@code blocked} is the rest, which a reserved
     * port or a port of a pair outside the layout makes unusable. {@code utilizationPercent} is the share of slots that are
     * not free, to one decimal. {@code allocations} also counts pairs outside the layout.
     */
    @RegisterForReflection
    public record PoolStats(String pool, LayoutView layout, long allocations, int slots, long held, long blocked, long free,
            double utilizationPercent, SlotView lowestFreeSlot, Instant oldestCreatedAt, Instant newestCreatedAt) {
    }

    /** A slot and its two ports; null in a report when the pool has no free slot. */
    @RegisterForReflection
    public record SlotView(int slot, int backendPort, int frontendPort) {
    }
}
