package dev.portalloc.operations;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.portalloc.allocation.Allocation;
import dev.portalloc.operations.StatsReport.ModelCount;
import dev.portalloc.operations.StatsReport.PoolStats;
import dev.portalloc.operations.StatsReport.SlotView;
import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolRegistry;

/** Collects usage figures with aggregate queries in one read-only snapshot; no allocation row is loaded. */
@ApplicationScoped
class UsageStats {

    private final PoolRegistry pools;
    private final EntityManager entityManager;
    private final SlotUsage slotUsage;

    UsageStats(PoolRegistry pools, EntityManager entityManager, SlotUsage slotUsage) {
        this.pools = pools;
        this.entityManager = entityManager;
        this.slotUsage = slotUsage;
    }

    @Transactional
    StatsReport collect() {
        ReadSnapshot.begin(entityManager);
        Object[] totals = entityManager.createQuery(
                "select count(a), count(distinct a.model), min(a.createdAt), max(a.createdAt) from Allocation a",
                Object[].class).getSingleResult();
        List<ModelCount> perModel = entityManager.createQuery(
                "select a.model, count(a) from Allocation a group by a.model order by a.model", Object[].class)
                .getResultStream()
                .map(row -> new ModelCount((String) row[0], (Long) row[1]))
                .toList();
        List<PoolStats> poolStats = pools.all().stream().map(this::poolStats).toList();
        return new StatsReport((Long) totals[0], (Long) totals[1], (Instant) totals[2], (Instant) totals[3], perModel,
                poolStats);
    }

    private PoolStats poolStats(PoolLayout layout) {
        Object[] totals = entityManager.createQuery(
                "select count(a), min(a.createdAt), max(a.createdAt) from Allocation a where a.pool = :pool", Object[].class)
                .setParameter("pool", layout.name())
                .getSingleResult();
        long held = Allocation.count(LayoutQuery.POOL_IN_LAYOUT, LayoutQuery.parameters(layout));
        int slots = layout.slotCount();
        long unusable = slotUsage.unusableSlots(layout);
        long free = slots - unusable;
        // Only a port held twice (see the check) can make held exceed the unusable slots.
        long blocked = Math.max(0, unusable - held);
        double utilization = Math.round(1000.0 * (slots - free) / slots) / 10.0;
        OptionalInt lowest = slotUsage.lowestFreeSlot(layout);
        SlotView lowestFree = lowest.isEmpty() ? null
                : new SlotView(lowest.getAsInt(), layout.backendPort(lowest.getAsInt()),
                        layout.frontendPort(lowest.getAsInt()));
        return new PoolStats(layout.name(), LayoutView.of(layout), (Long) totals[0], slots, held, blocked, free,
                utilization, lowestFree, (Instant) totals[1], (Instant) totals[2]);
    }
}
