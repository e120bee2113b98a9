package dev.portalloc.allocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of a get-or-allocate request. */
public record AllocationRequest(
        @PoolName String pool,
        @NotNull(message = "is required") @ModelName String model,
        @NotNull(message = "is required") @Min(value = 1, message = AppNumbers.RULE) @Max(value = Integer.MAX_VALUE, message = AppNumbers.RULE) Integer appNumber) {
}
