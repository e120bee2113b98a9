package dev.portalloc.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Finds the lowest usable slot from a pool's high-water mark on, by probing ever longer runs of slots against the primary
 * key of {@code held_port}. The caller holds the pool's lock.
 */
@ApplicationScoped
class SlotProbe {

    /**
     * The lowest slot of {@code first..last} whose two ports are not held, apart from the {@code skipped} slots. PostgreSQL
     * materializes the whole series before it returns a row (EXPLAIN ANALYZE on PostgreSQL 14 and 15 shows it in the
     * start-up time of the function scan), and the ORDER BY makes it probe every slot of the series, so callers keep the
     * range short.
     */
    static final String FIRST_FREE_SQL = """
            SELECT s FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS s
            WHERE s NOT IN (:skipped)
              AND NOT EXISTS (SELECT 1 FROM held_port h WHERE h.pool = :pool
                              AND h.port IN (:backendStart + :step * s, :frontendStart + :step * s))
            ORDER BY s LIMIT 1""";
    /**
     * Slots in the first probe of {@link #FIRST_FREE_SQL}. That slot is nearly always free, so one slot (two primary-key
     * reads) is the usual cost. Each further probe covers twice as many slots, up to {@link #MAX_PROBE}, so a run of held
     * slots (imports, a changed layout) costs few queries and no probe builds a long series.
     */
    static final int FIRST_PROBE = 1;
    static final int MAX_PROBE = 4096;
    /** Never a slot number; keeps {@code NOT IN (:skipped)} valid when no slot is skipped. */
    private static final int NO_SLOT = -1;

    private final EntityManager entityManager;

    SlotProbe(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Probes ever longer runs of slots from {@code from} on, see {@link #FIRST_PROBE}. */
    OptionalInt firstUsableFrom(int from, PoolLayout layout) {
        int lastSlot = layout.slotCount() - 1;
        int length = FIRST_PROBE;
        for (int first = from; first <= lastSlot; first += length, length = Math.min(2 * length, MAX_PROBE)) {
            OptionalInt found = firstUsableIn(first, Math.min(lastSlot, first + length - 1), layout);
            if (found.isPresent()) {
                return found;
            }
        }
        return OptionalInt.empty();
    }

    private OptionalInt firstUsableIn(int first, int last, PoolLayout layout) {
        List<Integer> found = entityManager.createNativeQuery(FIRST_FREE_SQL, Integer.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .setParameter("skipped", reservedSlotsIn(first, last, layout))
                .setParameter("pool", layout.name())
                .setParameter("backendStart", layout.backend().start())
                .setParameter("frontendStart", layout.frontend().start())
                .setParameter("step", layout.step())
                .getResultList();
        return found.isEmpty() ? OptionalInt.empty() : OptionalInt.of(found.get(0));
    }

    private static List<Integer> reservedSlotsIn(int first, int last, PoolLayout layout) {
        List<Integer> slots = new ArrayList<>(List.of(NO_SLOT));
        for (int port : layout.reserved()) {
            IntStream.concat(layout.slotOfBackend(port).stream(), layout.slotOfFrontend(port).stream())
                    .filter(slot -> slot >= first && slot <= last)
                    .forEach(slots::add);
        }
        return slots;
    }
}
