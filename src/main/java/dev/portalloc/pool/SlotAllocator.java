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

    static final String LOWEST_LISTED_SQL = "SELECT slot FROM free_slot WHERE pool = :pool AND slot >= :from"
            + " ORDER BY slot LIMIT 1";
    static final String HELD_PORTS_SQL = "SELECT count(*) FROM held_port WHERE pool = :pool AND port IN (:backend, :frontend)";

    private final EntityManager entityManager;
    private final SlotProbe probe;

    SlotAllocator(EntityManager entityManager, SlotProbe probe) {
        this.entityManager = entityManager;
        this.probe = probe;
    }

    /**
     * Takes the lowest slot whose two ports are free and not reserved.
     *
     * @throws PoolExhaustedException when there is none
     */
    public int take(PortPool pool, PoolLayout layout) {
        OptionalInt released = takeFromFreeList(layout);
        if (released.isPresent()) {
            return released.getAsInt();
        }
        OptionalInt fresh = probe.firstUsableFrom(pool.nextSlot, layout);
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
            return probe.firstUsableFrom(0, layout);
        }
        OptionalInt listed = lowestListedFrom(0, layout);
        while (listed.isPresent() && !isUsable(listed.getAsInt(), layout)) {
            listed = lowestListedFrom(listed.getAsInt() + 1, layout);
        }
        return listed.isPresent() ? listed : probe.firstUsableFrom(pool.nextSlot, layout);
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

    private OptionalInt takeFromFreeList(PoolLayout layout) {
        OptionalInt listed = lowestListedFrom(0, layout);
        while (listed.isPresent()) {
            int slot = listed.getAsInt();
            entityManager.createNativeQuery("DELETE FROM free_slot WHERE pool = :pool AND slot = :slot")
                    .setParameter("pool", layout.name())
                    .setParameter("slot", slot)
                    .executeUpdate();
            // An import may have taken one of the slot's ports since it was listed: drop such entries and look again.
            if (isUsable(slot, layout)) {
                return listed;
            }
            listed = lowestListedFrom(0, layout);
        }
        return OptionalInt.empty();
    }

    private OptionalInt lowestListedFrom(int from, PoolLayout layout) {
        List<Integer> lowest = entityManager.createNativeQuery(LOWEST_LISTED_SQL, Integer.class)
                .setParameter("pool", layout.name())
                .setParameter("from", from)
                .getResultList();
        return lowest.isEmpty() ? OptionalInt.empty() : OptionalInt.of(lowest.get(0));
    }

    private boolean isUsable(int slot, PoolLayout layout) {
        if (slot >= layout.slotCount() || isReserved(slot, layout)) {
            return false;
        }
        Number held = (Number) entityManager.createNativeQuery(HELD_PORTS_SQL)
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
