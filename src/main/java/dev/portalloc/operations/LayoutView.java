package dev.portalloc.operations;

import dev.portalloc.pool.PoolLayout;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A pool's configured layout as reports show it: port ranges as "start-end", the step and the number of slots. */
@RegisterForReflection
public record LayoutView(String backend, String frontend, int step, int slots) {

    static LayoutView of(PoolLayout layout) {
        return new LayoutView(layout.backend().toString(), layout.frontend().toString(), layout.step(),
                layout.slotCount());
    }
}
