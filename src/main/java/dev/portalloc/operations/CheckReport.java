package dev.portalloc.operations;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every problem found in the stored allocations; {@code status} is "clean" when all three lists are empty. */
@RegisterForReflection
public record CheckReport(String status, List<PortConflict> conflicts, List<OutOfLayout> outOfLayout,
        List<UnknownPool> unknownPools) {

    static final String CLEAN = "clean";
    static final String PROBLEMS = "problems";

    static CheckReport of(List<PortConflict> conflicts, List<OutOfLayout> outOfLayout, List<UnknownPool> unknownPools) {
        boolean clean = conflicts.isEmpty() && outOfLayout.isEmpty() && unknownPools.isEmpty();
        return new CheckReport(clean ? CLEAN : PROBLEMS, conflicts, outOfLayout, unknownPools);
    }

    /** A port that more than one allocation of a pool holds, in either role. */
    @RegisterForReflection
    public record PortConflict(String pool, int port, List<PortHolder> holders) {
    }

    /** An allocation that holds a conflicting port; {@code role} is "backend" or "frontend". */
    @RegisterForReflection
    public record PortHolder(String model, int appNumber, String role, int backendPort, int frontendPort) {
    }

    /** An allocation whose pair is not exactly one slot of its pool's configured layout. */
    @RegisterForReflection
    public record OutOfLayout(String pool, String model, int appNumber, int backendPort, int frontendPort,
            LayoutView layout) {
    }

    /** A pool that holds allocations but is no longer configured, with all its allocations. */
    @RegisterForReflection
    public record UnknownPool(String pool, List<PoolAllocation> allocations) {
    }

    /** One allocation within a pool. */
    @RegisterForReflection
    public record PoolAllocation(String model, int appNumber, int backendPort, int frontendPort) {
    }
}
