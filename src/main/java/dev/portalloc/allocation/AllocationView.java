package dev.portalloc.allocation;

import java.time.Instant;

/** An allocation as the API returns it. */
public record AllocationView(String pool, String model, int appNumber, int backendPort, int frontendPort,
        Instant createdAt) {

    public static AllocationView of(Allocation allocation) {
        return new AllocationView(allocation.pool, allocation.model, allocation.appNumber, allocation.backendPort,
                allocation.frontendPort, allocation.createdAt);
    }
}
