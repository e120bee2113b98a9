package dev.portalloc.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.portalloc.metrics.AllocationMetrics;
import io.quarkus.logging.Log;

/** Takes the row lock of a pool's sequence row inside the caller's transaction. */
@ApplicationScoped
public class PoolLocks {

    private final EntityManager entityManager;
    private final AllocatorConfig config;
    private final AllocationMetrics metrics;

    PoolLocks(EntityManager entityManager, AllocatorConfig config, AllocationMetrics metrics) {
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Locks the pool's row until the transaction ends, creating the row on first use. When the configured layout differs
     * from the one the row was last used with, the pool's slot bookkeeping starts over: existing allocations stay, and
     * the allocator skips their ports.
     *
     * @throws jakarta.persistence.QueryTimeoutException when the lock is not granted within {@code portalloc.lock-timeout}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortPool lock(PoolLayout layout) {
        // PostgreSQL applies lock_timeout to each lock a statement waits for, and a contended row lock takes two waits: for
        // the tuple behind earlier waiters, then for the holding transaction. A statement timeout bounds the whole wait.
        entityManager.createNativeQuery("SELECT set_config('statement_timeout', :limit, true)")
                .setParameter("limit", config.lockTimeout().toMillis() + "ms")
                .getSingleResult();
        PortPool pool = findLocked(layout.name());
        if (pool == null) {
            entityManager.createNativeQuery("INSERT INTO port_pool (name) VALUES (:name) ON CONFLICT DO NOTHING")
                    .setParameter("name", layout.name())
                    .executeUpdate();
            pool = findLocked(layout.name());
        }
        String fingerprint = layout.fingerprint();
        if (!fingerprint.equals(pool.layout)) {
            Log.infof("Pool '%s' uses a new layout (backend %s, frontend %s, step %d); new keys get slots of it",
                    layout.name(), layout.backend(), layout.frontend(), layout.step());
            pool.layout = fingerprint;
            pool.nextSlot = 0;
            entityManager.createNativeQuery("DELETE FROM free_slot WHERE pool = :pool")
                    .setParameter("pool", layout.name())
                    .executeUpdate();
        }
        entityManager.createNativeQuery("SET LOCAL statement_timeout TO DEFAULT").executeUpdate();
        return pool;
    }

    private PortPool findLocked(String name) {
        return metrics.timeLockWait(name, () -> entityManager.find(PortPool.class, name, LockModeType.PESSIMISTIC_WRITE));
    }
}
