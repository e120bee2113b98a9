package dev.portalloc.allocation;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An allocation as the API returns it. Registered for reflection because the resources return {@code Response}, from
 * which Quarkus cannot tell that Jackson serializes this type in the native image.
 */
@RegisterForReflection
public record AllocationView(String pool, String model, int appNumber, int backendPort, int frontendPort,
        Instant createdAt) {

    public static AllocationView of(Allocation allocation) {
        return new AllocationView(allocation.pool, allocation.model, allocation.appNumber, allocation.backendPort,
                allocation.frontendPort, allocation.createdAt);
    }
}
