package dev.portalloc.allocation;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.portalloc.metrics.AllocationMetrics;
import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolLocks;
import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.pool.PortPool;
import dev.portalloc.pool.SlotAllocator;
import io.quarkus.logging.Log;

/** Releases allocations so their ports can be handed out again, lowest slot first. */
@ApplicationScoped
public class ReleaseService {

    private final PoolRegistry pools;
    private final PoolLocks locks;
    private final SlotAllocator slots;
    private final AllocationMetrics metrics;

    ReleaseService(PoolRegistry pools, PoolLocks locks, SlotAllocator slots, AllocationMetrics metrics) {
        this.pools = pools;
        this.locks = locks;
        this.slots = slots;
        this.metrics = metrics;
    }

    /** Releases the key's pair; returns it, or empty when the key held nothing. */
    @Transactional
    public Optional<Allocation> release(String requestedPool, String model, int appNumber) {
        PoolLayout layout = pools.resolve(requestedPool, model);
        PortPool pool = locks.lock(layout);
        Optional<Allocation> allocation = Allocation.findByKey(layout.name(), model, appNumber);
        allocation.ifPresent(held -> releaseLocked(pool, layout, List.of(held)));
        return allocation;
    }

    /** Releases every app of a model in its pool, for a retired model; returns what was released. */
    @Transactional
    public List<Allocation> releaseModel(String requestedPool, String model) {
        PoolLayout layout = pools.resolve(requestedPool, model);
        PortPool pool = locks.lock(layout);
        List<Allocation> held = Allocation.list("pool = ?1 and model = ?2 order by appNumber", layout.name(), model);
        releaseLocked(pool, layout, held);
        return held;
    }

    private void releaseLocked(PortPool pool, PoolLayout layout, List<Allocation> allocations) {
        for (Allocation allocation : allocations) {
            allocation.delete();
        }
        Allocation.flush();
        for (Allocation allocation : allocations) {
            slots.reclaim(pool, layout, allocation.backendPort, allocation.frontendPort);
            Log.infof("Released pool=%s model=%s appNumber=%d backendPort=%d frontendPort=%d", allocation.pool,
                    allocation.model, allocation.appNumber, allocation.backendPort, allocation.frontendPort);
        }
        metrics.recordRelease(layout.name(), allocations.size());
    }
}
