package dev.portalloc.pool;

/** No slot of a pool has both ports free. */
public class PoolExhaustedException extends RuntimeException {

    private final PoolLayout layout;

    public PoolExhaustedException(PoolLayout layout) {
        super(("pool '%s' is exhausted: all %d slots of backend range %s and frontend range %s (step %d) are held or"
                + " contain a held or reserved port; release unused allocations, or widen the ranges with"
                + " portalloc.pools.%s.backend-end and portalloc.pools.%s.frontend-end (moving a start where an end"
                + " would reach into the other range), or route some models to another pool")
                .formatted(layout.name(), layout.slotCount(), layout.backend(), layout.frontend(), layout.step(),
                        layout.name(), layout.name()));
        this.layout = layout;
    }

    public PoolLayout layout() {
        return layout;
    }
}
