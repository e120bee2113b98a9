package dev.portalloc.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PoolLayoutsTest {

    private static final PoolSettings OLD_LAYOUT = new PoolSettings(5001, 7999, 8001, 10999, 2, Optional.empty(),
            Optional.empty());

    @Test
    void defaultLayoutReproducesOldSystem() {
        PoolLayout layout = PoolLayouts.build(Map.of("default", OLD_LAYOUT)).get("default");

        assertEquals(1500, layout.slotCount());
        assertEquals(5001, layout.backendPort(0));
        assertEquals(8001, layout.frontendPort(0));
        assertEquals(5003, layout.backendPort(1));
        assertEquals(8003, layout.frontendPort(1));
        assertEquals(7999, layout.backendPort(1499));
        assertEquals(10999, layout.frontendPort(1499));
        assertEquals(Set.of(), layout.reserved());
    }

    @Test
    void poolsAreOrderedByName() {
        Map<String, PoolLayout> layouts = PoolLayouts.build(Map.of("zeta", OLD_LAYOUT, "alpha", OLD_LAYOUT,
                "gpu-hosts.eu_1", OLD_LAYOUT));

        assertEquals(List.of("alpha", "gpu-hosts.eu_1", "zeta"), List.copyOf(layouts.keySet()));
    }

    @Test
    void startAboveEndIsRejected() {
        assertInvalid("portalloc.pools.p.backend-start (6000) is above portalloc.pools.p.backend-end (5000);"
                + " the start must not exceed the end", settings(6000, 5000, 8001, 10999, 2));
        assertInvalid("portalloc.pools.p.frontend-start (9000) is above portalloc.pools.p.frontend-end (8000);"
                + " the start must not exceed the end", settings(5001, 7999, 9000, 8000, 2));
    }

    @Test
    void portsOutsideValidRangeAreRejected() {
        assertInvalid("portalloc.pools.p.backend-start is 0 but ports must be from 1 to 65535",
                settings(0, 7999, 8001, 10999, 2));
        assertInvalid("portalloc.pools.p.backend-end is 65536 but ports must be from 1 to 65535",
                settings(5001, 65536, 8001, 10999, 2));
        assertInvalid("portalloc.pools.p.frontend-start is -1 but ports must be from 1 to 65535",
                settings(5001, 7999, -1, 10999, 2));
        assertInvalid("portalloc.pools.p.frontend-end is 70000 but ports must be from 1 to 65535",
                settings(5001, 7999, 8001, 70000, 2));
        assertInvalid("portalloc.pools.p.reserved is 65536 but ports must be from 1 to 65535",
                new PoolSettings(5001, 7999, 8001, 10999, 2, Optional.of(Set.of(65536)), Optional.empty()));
    }

    @Test
    void stepBelowOneIsRejected() {
        assertInvalid("portalloc.pools.p.step is 0 but must be at least 1", settings(5001, 7999, 8001, 10999, 0));
        assertInvalid("portalloc.pools.p.step is -2 but must be at least 1", settings(5001, 7999, 8001, 10999, -2));
    }

    @Test
    void rangesWithoutUsableSlotAreRejected() {
        assertInvalid("portalloc.pools.p.frontend-start equals portalloc.pools.p.backend-start (5001) but must differ from"
                + " it, because every slot's two ports would be the same port", settings(5001, 5010, 5001, 5010, 1));
        // Three slots (5001/8001, 5003/8003, 5005/8005), each containing a reserved port.
        assertInvalid("portalloc.pools.p.reserved contains a port of every slot of backend range 5001-5005 and frontend"
                + " range 8001-8005 with step 2, so the pool has no usable slot; widen the ranges or reserve fewer ports",
                new PoolSettings(5001, 5005, 8001, 8005, 2, Optional.of(Set.of(5001, 8003, 5005)), Optional.empty()));
    }

    @Test
    void reservedPortsLeavingOneSlotAreAccepted() {
        PoolLayout layout = PoolLayouts.build(Map.of("p", new PoolSettings(5001, 5005, 8001, 8005, 2,
                Optional.of(Set.of(5001, 5005)), Optional.empty()))).get("p");

        assertEquals(3, layout.slotCount());
        assertEquals(Set.of(5001, 5005), layout.reserved());
    }

    @Test
    void poolNamesFollowRequestRule() {
        for (String name : List.of("gpu hosts", "pool/a", "ü", "x".repeat(65), "")) {
            InvalidPoolConfigException error = assertThrows(InvalidPoolConfigException.class,
                    () -> PoolLayouts.build(Map.of(name, OLD_LAYOUT)), name);
            assertEquals("Invalid pool configuration: portalloc.pools.\"%s\": the pool name must be 1 to 64 letters,"
                    .formatted(name) + " digits, '.', '_' or '-'", error.getMessage());
        }
        assertEquals(1, PoolLayouts.build(Map.of("x".repeat(64), OLD_LAYOUT)).size());
    }

    @Test
    void invalidModelPatternIsRejected() {
        assertInvalid("portalloc.pools.p.models has an invalid regular expression 'meta-llama/(': Unclosed group",
                new PoolSettings(5001, 7999, 8001, 10999, 2, Optional.empty(), Optional.of(List.of("ok.*", "meta-llama/("))));
    }

    @Test
    void missingPoolsAreRejected() {
        InvalidPoolConfigException error = assertThrows(InvalidPoolConfigException.class, () -> PoolLayouts.build(Map.of()));

        assertEquals("Invalid pool configuration: no pool is configured: set portalloc.pools.<name>.backend-start,"
                + " backend-end, frontend-start and frontend-end of at least one pool", error.getMessage());
    }

    @Test
    void unknownDefaultPoolIsRejected() {
        Map<String, PoolLayout> layouts = PoolLayouts.build(Map.of("a", OLD_LAYOUT, "b", OLD_LAYOUT));

        InvalidPoolConfigException error = assertThrows(InvalidPoolConfigException.class,
                () -> PoolLayouts.defaultPool(layouts, "default"));

        assertEquals("Invalid pool configuration: portalloc.default-pool names pool 'default', but no such pool is"
                + " configured; configured pools: a, b", error.getMessage());
        assertEquals("b", PoolLayouts.defaultPool(layouts, "b").name());
    }

    @Test
    void overlapNamesBothPoolsAndSharedPorts() {
        Map<String, PoolLayout> layouts = PoolLayouts.build(Map.of(
                "default", OLD_LAYOUT,
                "gpu", settings(7000, 7100, 30000, 30100, 1),
                "apart", settings(40000, 40100, 50000, 50100, 1)));

        List<String> overlaps = PoolLayouts.overlaps(List.copyOf(layouts.values()));

        assertEquals(List.of("Pools 'default' and 'gpu' overlap: backend range 5001-7999 of 'default' and backend range"
                + " 7000-7100 of 'gpu' share ports 7000-7100"), overlaps);
    }

    @Test
    void overlapAcrossRolesIsReported() {
        Map<String, PoolLayout> layouts = PoolLayouts.build(Map.of(
                "a", settings(1000, 1999, 2000, 2999, 1),
                "b", settings(2500, 3499, 500, 1200, 1)));

        List<String> overlaps = PoolLayouts.overlaps(List.copyOf(layouts.values()));

        assertEquals(List.of(
                "Pools 'a' and 'b' overlap: backend range 1000-1999 of 'a' and frontend range 500-1200 of 'b' share ports"
                        + " 1000-1200",
                "Pools 'a' and 'b' overlap: frontend range 2000-2999 of 'a' and backend range 2500-3499 of 'b' share ports"
                        + " 2500-2999"),
                overlaps);
    }

    private static PoolSettings settings(int backendStart, int backendEnd, int frontendStart, int frontendEnd, int step) {
        return new PoolSettings(backendStart, backendEnd, frontendStart, frontendEnd, step, Optional.empty(),
                Optional.empty());
    }

    private static void assertInvalid(String expectedRule, PoolSettings pool) {
        InvalidPoolConfigException error = assertThrows(InvalidPoolConfigException.class,
                () -> PoolLayouts.build(Map.of("p", pool)));
        assertEquals("Invalid pool configuration: " + expectedRule, error.getMessage());
    }

    /** The settings of one pool, as {@code portalloc.pools.<name>.*} would supply them. */
    record PoolSettings(int backendStart, int backendEnd, int frontendStart, int frontendEnd, int step,
            Optional<Set<Integer>> reserved, Optional<List<String>> models) implements AllocatorConfig.Pool {
    }
}
