package dev.portalloc.allocation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolLocks;
import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.pool.PortPool;
import dev.portalloc.pool.SlotAllocator;
import io.quarkus.logging.Log;

/** Get-or-allocate and look-up of the port pair of a key. */
@ApplicationScoped
public class AllocationService {

    private final PoolRegistry pools;
    private final PoolLocks locks;
    private final SlotAllocator slots;

    AllocationService(PoolRegistry pools, PoolLocks locks, SlotAllocator slots) {
        this.pools = pools;
        this.locks = locks;
        this.slots = slots;
    }

    /**
     * Returns the pair the key holds, allocating the lowest free slot of its pool on the first call.
     *
     * @throws dev.portalloc.pool.UnknownPoolException when the named pool is not configured
     * @throws dev.portalloc.pool.PoolExhaustedException when the pool has no free slot
     */
    @Transactional
    public AllocationResult getOrAllocate(String requestedPool, String model, int appNumber) {
        PoolLayout layout = pools.resolve(requestedPool, model);
        Optional<Allocation> existing = Allocation.findByKey(layout.name(), model, appNumber);
        if (existing.isPresent()) {
            return new AllocationResult(existing.get(), false);
        }
        PortPool pool = locks.lock(layout);
        // A concurrent call for the same key may have committed while this one waited for the lock.
        existing = Allocation.findByKey(layout.name(), model, appNumber);
        if (existing.isPresent()) {
            return new AllocationResult(existing.get(), false);
        }
        int slot = slots.take(pool, layout);
        Allocation allocation = Allocation.inSlot(layout, model, appNumber, slot);
        allocation.persistAndFlush();
        Log.infof("Allocated pool=%s model=%s appNumber=%d backendPort=%d frontendPort=%d slot=%d", layout.name(), model,
                appNumber, allocation.backendPort, allocation.frontendPort, slot);
        return new AllocationResult(allocation, true);
    }

    /** Returns the pair the key holds, if any, without writing anything. */
    @Transactional
    public Optional<Allocation> lookup(String requestedPool, String model, int appNumber) {
        PoolLayout layout = pools.resolve(requestedPool, model);
        return Allocation.findByKey(layout.name(), model, appNumber);
    }

    /** An allocation and whether this call created it. */
    public record AllocationResult(Allocation allocation, boolean created) {
    }
}
