package dev.portalloc.metrics;

/**
 * One pool's slots by state, which add up to the layout's slot count, and its allocations. A held slot has a port that an
 * allocation holds in either role; a reserved slot has a reserved port and no held one; every other slot is free.
 * Allocations can differ from held slots: an imported pair outside the layout holds no slot, and one that takes the
 * ports of two slots holds both.
 */
record PoolUsage(int heldSlots, int freeSlots, int reservedSlots, long allocations) {
}
