package dev.portalloc.metrics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.portalloc.pool.PoolLayout;

/**
 * Counts a pool's slots by state from {@code held_port}. It reads the pool's index range of held ports once, so its cost
 * grows with the ports the pool holds, not with the slots of its layout.
 */
@ApplicationScoped
class PoolUsageQuery {

    /** Stands in for an empty list of reserved slots, because SQL has no empty IN list; no slot number is negative. */
    private static final int NO_SLOT = -1;

    private final EntityManager entityManager;

    PoolUsageQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    PoolUsage count(PoolLayout layout) {
        Set<Integer> reserved = reservedSlots(layout);
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM allocation WHERE pool = :pool),
                       count(*),
                       count(*) FILTER (WHERE slot IN (:reserved))
                FROM (SELECT (port - :backendStart) / :step AS slot FROM held_port
                      WHERE pool = :pool AND port BETWEEN :backendStart AND :backendLast
                        AND (port - :backendStart) % :step = 0
                      UNION
                      SELECT (port - :frontendStart) / :step FROM held_port
                      WHERE pool = :pool AND port BETWEEN :frontendStart AND :frontendLast
                        AND (port - :frontendStart) % :step = 0) AS blocked""")
                .setParameter("pool", layout.name())
                .setParameter("reserved", reserved.isEmpty() ? List.of(NO_SLOT) : reserved)
                .setParameter("step", layout.step())
                .setParameter("backendStart", layout.backend().start())
                .setParameter("backendLast", layout.backendPort(layout.slotCount() - 1))
                .setParameter("frontendStart", layout.frontend().start())
                .setParameter("frontendLast", layout.frontendPort(layout.slotCount() - 1))
                .getSingleResult();
        long allocations = ((Number) row[0]).longValue();
        int held = ((Number) row[1]).intValue();
        int reservedOnly = reserved.size() - ((Number) row[2]).intValue();
        return new PoolUsage(held, layout.slotCount() - held - reservedOnly, reservedOnly, allocations);
    }

    /** Slots that contain a reserved port in either role. */
    private static Set<Integer> reservedSlots(PoolLayout layout) {
        Set<Integer> slots = new TreeSet<>();
        for (int port : layout.reserved()) {
            layout.slotOfBackend(port).ifPresent(slots::add);
            layout.slotOfFrontend(port).ifPresent(slots::add);
        }
        return slots;
    }
}
