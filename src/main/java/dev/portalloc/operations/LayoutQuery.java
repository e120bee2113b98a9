package dev.portalloc.operations;

import dev.portalloc.pool.PoolLayout;
import io.quarkus.panache.common.Parameters;

/** The JPQL condition "the allocation's pair is exactly one slot of its pool's layout", evaluated by the database. */
final class LayoutQuery {

    /**
     * The same rule as {@link PoolLayout#containsPair}: the backend port is on the layout's backend series (from its
     * start, in steps, up to the last slot), and the frontend port lies as far from the frontend start as the backend port
     * lies from the backend start. Bind it with {@link #parameters}.
     */
    static final String IN_LAYOUT = "(backendPort between :backendStart and :backendLast"
            + " and mod(backendPort - :backendStart, :step) = 0"
            + " and frontendPort - :frontendStart = backendPort - :backendStart)";

    /** Allocations of the pool whose pair is a slot of its layout. */
    static final String POOL_IN_LAYOUT = "pool = :pool and " + IN_LAYOUT;

    /** Allocations of the pool whose pair is not a slot of its layout. */
    static final String POOL_OUT_OF_LAYOUT = "pool = :pool and not " + IN_LAYOUT;

    private LayoutQuery() {
    }

    /** Binds the pool's name and the layout figures that {@link #IN_LAYOUT} refers to. */
    static Parameters parameters(PoolLayout layout) {
        // PoolRegistry rejects layouts without a usable slot, so slotCount() is at least 1.
        int lastSlot = layout.slotCount() - 1;
        return Parameters.with("pool", layout.name())
                .and("backendStart", layout.backend().start())
                .and("backendLast", layout.backendPort(lastSlot))
                .and("frontendStart", layout.frontend().start())
                .and("step", layout.step());
    }
}
