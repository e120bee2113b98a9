package dev.portalloc.operations;

import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PortPool;
import dev.portalloc.pool.SlotAllocator;

/** Reads how many slots of a pool are unusable and which one a new key gets next, without taking the pool's lock. */
@ApplicationScoped
class SlotUsage {

    /**
     * Counts the distinct slots of the layout that contain a held or reserved port, in either role. It reads only the
     * pool's held ports (an index range of held_port) and the reserved ports, not every slot.
     */
    private static final String UNUSABLE_SLOTS = """
            WITH taken AS (
                SELECT port FROM held_port WHERE pool = :pool
                UNION
                SELECT CAST(reserved AS integer) FROM unnest(string_to_array(:reserved, ',')) AS reserved
            )
            SELECT count(DISTINCT slot) FROM (
                SELECT (port - :backendStart) / :step AS slot FROM taken
                WHERE port BETWEEN :backendStart AND :backendLast AND (port - :backendStart) % :step = 0
                UNION ALL
                SELECT (port - :frontendStart) / :step AS slot FROM taken
                WHERE port BETWEEN :frontendStart AND :frontendLast AND (port - :frontendStart) % :step = 0
            ) AS unusable""";

    private final EntityManager entityManager;
    private final SlotAllocator slots;

    SlotUsage(EntityManager entityManager, SlotAllocator slots) {
        this.entityManager = entityManager;
        this.slots = slots;
    }

    /** Slots that a new key cannot get: held by an allocation of the slot, or blocked by another held or reserved port. */
    long unusableSlots(PoolLayout layout) {
        int lastSlot = layout.slotCount() - 1;
        String reserved = new TreeSet<>(layout.reserved()).stream().map(String::valueOf).collect(Collectors.joining(","));
        Number count = (Number) entityManager.createNativeQuery(UNUSABLE_SLOTS)
                .setParameter("pool", layout.name())
                .setParameter("reserved", reserved)
                .setParameter("step", layout.step())
                .setParameter("backendStart", layout.backend().start())
                .setParameter("backendLast", layout.backendPort(lastSlot))
                .setParameter("frontendStart", layout.frontend().start())
                .setParameter("frontendLast", layout.frontendPort(lastSlot))
                .getSingleResult();
        return count.longValue();
    }

    /** Returns the slot the next new key of the pool gets, or empty when the pool is exhausted. Writes nothing. */
    OptionalInt lowestFreeSlot(PoolLayout layout) {
        PortPool pool = entityManager.find(PortPool.class, layout.name());
        if (pool == null) {
            // The pool's row is created by its first allocation; until then the search starts at slot 0.
            pool = new PortPool();
            pool.name = layout.name();
        }
        return slots.peek(pool, layout);
    }
}
