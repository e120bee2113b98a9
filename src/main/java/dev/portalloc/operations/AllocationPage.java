package dev.portalloc.operations;

import java.util.List;

import dev.portalloc.allocation.AllocationView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of allocations and the number of allocations that match the filter on all pages. */
@RegisterForReflection
public record AllocationPage(List<AllocationView> items, long total, int page, int size) {
}
