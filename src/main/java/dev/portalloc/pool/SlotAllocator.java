package dev.portalloc.pool;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Finds a pool's lowest free slot with index reads only. Slots below {@link PortPool#nextSlot} that became free are listed
 * in {@code free_slot}; slots from {@code nextSlot} on are probed in order. Every method expects the caller to hold the
 * pool's lock (see {@link PoolLocks}).
 */
@ApplicationScoped
public class SlotAllocator {

    private final EntityManager entityManager;

    SlotAllocator(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes the lowest slot whose two ports are free and not reserved.
     *
     * @throws PoolExhaustedException when there is none
     */
    public int take(PortPool pool, PoolLayout layout) {
        OptionalInt released = takeFromFreeList(pool, layout);
        if (released.isPresent()) {
            return released.getAsInt();
        }
        OptionalInt fresh = firstUsableFrom(pool.nextSlot, layout);
        if (fresh.isEmpty()) {
            throw new PoolExhaustedException(layout);
        }
        pool.nextSlot = fresh.getAsInt() + 1;
        return fresh.getAsInt();
    }

    /**
     * The slot {@link #take} would return next, without taking it or writing anything, so a caller without the pool's lock
     * may use it for a report. A pool row that is new or last used with another layout is treated as
     * {@link PoolLocks#lock} will reset it: no free list, search from slot 0.
     */
    public OptionalInt peek(PortPool pool, PoolLayout layout) {
        if (!layout.fingerprint().equals(pool.layout)) {
            return firstUsableFrom(0, layout);
        }
        List<Integer> listed = entityManager
                .createNativeQuery("SELECT slot FROM free_slot WHERE pool = :pool ORDER BY slot", Integer.class)
                .setParameter("pool", layout.name())
                .getResultList();
        for (int slot : listed) {
            if (isUsable(slot, layout)) {
                return OptionalInt.of(slot);
            }
        }
        return firstUsableFrom(pool.nextSlot, layout);
    }

    /**
     * Lists as free every slot below {@code nextSlot} that the released ports blocked and that is now usable: the slot the
     * pair came from, and the slots in which either port has the other role. Call after the release is flushed.
     */
    public void reclaim(PortPool pool, PoolLayout layout, int backendPort, int frontendPort) {
        IntStream.of(backendPort, frontendPort)
                .flatMap(port -> IntStream.concat(layout.slotOfBackend(port).stream(), layout.slotOfFrontend(port).stream()))
                .distinct()
                .filter(slot -> slot < pool.nextSlot && isUsable(slot, layout))
                .forEach(slot -> entityManager
                        .createNativeQuery("INSERT INTO free_slot (pool, slot) VALUES (:pool, :slot) ON CONFLICT DO NOTHING")
                        .setParameter("pool", layout.name())
                        .setParameter("slot", slot)
                        .executeUpdate());
    }

    private OptionalInt takeFromFreeList(PortPool pool, PoolLayout layout) {
        while (true) {
            List<Integer> lowest = entityManager
                    .createNativeQuery("SELECT slot FROM free_slot WHERE pool = :pool ORDER BY slot LIMIT 1", Integer.class)
                    .setParameter("pool", layout.name())
                    .getResultList();
            if (lowest.isEmpty()) {
                return OptionalInt.empty();
            }
            int slot = lowest.get(0);
            entityManager.createNativeQuery("DELETE FROM free_slot WHERE pool = :pool AND slot = :slot")
                    .setParameter("pool", layout.name())
                    .setParameter("slot", slot)
                    .executeUpdate();
            // An import may have taken one of the slot's ports since it was listed: drop such entries and look again.
            if (isUsable(slot, layout)) {
                return OptionalInt.of(slot);
            }
        }
    }

    private OptionalInt firstUsableFrom(int from, PoolLayout layout) {
        int slot = from;
        while (slot < layout.slotCount()) {
            OptionalInt candidate = firstWithFreePortsFrom(slot, layout);
            if (candidate.isEmpty()) {
                return OptionalInt.empty();
            }
            slot = candidate.getAsInt();
            if (!isReserved(slot, layout)) {
                return candidate;
            }
            slot++;
        }
        return OptionalInt.empty();
    }

    /**
     * The first slot from {@code from} on whose ports nobody holds. Usually that is {@code from} itself, found with two
     * primary-key probes; held slots (imports, a changed layout) are stepped over inside PostgreSQL. The series is read in
     * order and stops at the first match, so no row outside the answer is read.
     */
    private OptionalInt firstWithFreePortsFrom(int from, PoolLayout layout) {
        List<Integer> found = entityManager.createNativeQuery("""
                SELECT s FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS s
                WHERE NOT EXISTS (SELECT 1 FROM held_port h WHERE h.pool = :pool
                                  AND h.port IN (:backendStart + :step * s, :frontendStart + :step * s))
                LIMIT 1""", Integer.class)
                .setParameter("first", from)
                .setParameter("last", layout.slotCount() - 1)
                .setParameter("pool", layout.name())
                .setParameter("backendStart", layout.backend().start())
                .setParameter("frontendStart", layout.frontend().start())
                .setParameter("step", layout.step())
                .getResultList();
        return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0));
    }

    private boolean isUsable(int slot, PoolLayout layout) {
        if (slot >= layout.slotCount() || isReserved(slot, layout)) {
            return false;
        }
        Number held = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM held_port WHERE pool = :pool AND port IN (:backend, :frontend)")
                .setParameter("pool", layout.name())
                .setParameter("backend", layout.backendPort(slot))
                .setParameter("frontend", layout.frontendPort(slot))
                .getSingleResult();
        return held.longValue() == 0;
    }

    private static boolean isReserved(int slot, PoolLayout layout) {
        return layout.isReserved(layout.backendPort(slot)) || layout.isReserved(layout.frontendPort(slot));
    }
}
