package dev.portalloc.pool;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.portalloc.metrics.AllocationMetrics;
import io.quarkus.logging.Log;

/** Takes the row lock of a pool's sequence row inside the caller's transaction. */
@ApplicationScoped
public class PoolLocks {

    private static final String LOCK_TIMEOUT_HINT = "jakarta.persistence.lock.timeout";

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
     * @throws jakarta.persistence.PessimisticLockException or a subclass when the lock is not granted within
     *         {@code portalloc.lock-timeout}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortPool lock(PoolLayout layout) {
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
        return pool;
    }

    private PortPool findLocked(String name) {
        long timeoutMillis = config.lockTimeout().toMillis();
        return metrics.timeLockWait(name, () -> entityManager.find(PortPool.class, name, LockModeType.PESSIMISTIC_WRITE,
                Map.of(LOCK_TIMEOUT_HINT, timeoutMillis)));
    }
}
