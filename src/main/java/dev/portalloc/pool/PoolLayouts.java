package dev.portalloc.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.portalloc.pool.PoolLayout.PortRange;

/**
 * Turns the configured pools into layouts and enforces the rules of {@code portalloc.pools.*}. Each rule that fails raises
 * an {@link InvalidPoolConfigException} that names the configuration key and the rule.
 */
final class PoolLayouts {

    static final String PREFIX = "portalloc.pools.";
    private static final Pattern NAME = Pattern.compile(PoolLayout.NAME_PATTERN);

    private PoolLayouts() {
    }

    /** Builds the layout of every configured pool, ordered by name. */
    static Map<String, PoolLayout> build(Map<String, AllocatorConfig.Pool> pools) {
        if (pools.isEmpty()) {
            throw new InvalidPoolConfigException("no pool is configured: set " + PREFIX + "<name>.backend-start,"
                    + " backend-end, frontend-start and frontend-end of at least one pool");
        }
        Map<String, PoolLayout> layouts = new TreeMap<>();
        pools.forEach((name, pool) -> layouts.put(name, toLayout(name, pool)));
        return layouts;
    }

    /** Returns the layout that {@code portalloc.default-pool} names. */
    static PoolLayout defaultPool(Map<String, PoolLayout> layouts, String name) {
        PoolLayout layout = layouts.get(name);
        if (layout == null) {
            throw new InvalidPoolConfigException(("portalloc.default-pool names pool '%s', but no such pool is configured;"
                    + " configured pools: %s").formatted(name, String.join(", ", layouts.keySet())));
        }
        return layout;
    }

    private static PoolLayout toLayout(String name, AllocatorConfig.Pool pool) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPoolConfigException("%s\"%s\": the pool name %s".formatted(PREFIX, name, PoolLayout.NAME_RULE));
        }
        String key = PREFIX + name + ".";
        PortRange backend = range(key + "backend", pool.backendStart(), pool.backendEnd());
        PortRange frontend = range(key + "frontend", pool.frontendStart(), pool.frontendEnd());
        if (pool.step() < 1) {
            throw new InvalidPoolConfigException("%sstep is %d but must be at least 1".formatted(key, pool.step()));
        }
        if (backend.start() == frontend.start()) {
            throw new InvalidPoolConfigException(("%sfrontend-start equals %sbackend-start (%d) but must differ from it,"
                    + " because every slot's two ports would be the same port").formatted(key, key, backend.start()));
        }
        Set<Integer> reserved = pool.reserved().orElse(Set.of());
        for (int port : reserved) {
            requirePort(key + "reserved", port);
        }
        PoolLayout layout = new PoolLayout(name, backend, frontend, pool.step(), reserved, patterns(key, pool));
        if (!hasUsableSlot(layout)) {
            throw new InvalidPoolConfigException(("%sreserved contains a port of every slot of backend range %s and"
                    + " frontend range %s with step %d, so the pool has no usable slot; widen the ranges or reserve"
                    + " fewer ports").formatted(key, backend, frontend, pool.step()));
        }
        return layout;
    }

    private static PortRange range(String key, int start, int end) {
        requirePort(key + "-start", start);
        requirePort(key + "-end", end);
        if (start > end) {
            throw new InvalidPoolConfigException(
                    "%s-start (%d) is above %s-end (%d); the start must not exceed the end".formatted(key, start, key, end));
        }
        return new PortRange(start, end);
    }

    private static void requirePort(String key, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidPoolConfigException("%s is %d but ports must be from 1 to 65535".formatted(key, port));
        }
    }

    private static List<Pattern> patterns(String key, AllocatorConfig.Pool pool) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : pool.models().orElse(List.of())) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new InvalidPoolConfigException(
                        "%smodels has an invalid regular expression '%s': %s".formatted(key, regex, e.getDescription()));
            }
        }
        return patterns;
    }

    private static boolean hasUsableSlot(PoolLayout layout) {
        for (int slot = 0; slot < layout.slotCount(); slot++) {
            if (!layout.isReserved(layout.backendPort(slot)) && !layout.isReserved(layout.frontendPort(slot))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes every pair of pools whose port ranges share ports, naming both pools, both ranges and the shared ports.
     * Each pool is its own port space, so this is legitimate for pools on separate hosts, but pools on one host can then
     * hand out the same port.
     */
    static List<String> overlaps(List<PoolLayout> layouts) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            for (int j = i + 1; j < layouts.size(); j++) {
                overlaps.addAll(overlaps(layouts.get(i), layouts.get(j)));
            }
        }
        return overlaps;
    }

    private static List<String> overlaps(PoolLayout first, PoolLayout second) {
        List<String> overlaps = new ArrayList<>();
        for (Map.Entry<String, PortRange> a : ranges(first).entrySet()) {
            for (Map.Entry<String, PortRange> b : ranges(second).entrySet()) {
                if (a.getValue().overlaps(b.getValue())) {
                    int start = Math.max(a.getValue().start(), b.getValue().start());
                    int end = Math.min(a.getValue().end(), b.getValue().end());
                    overlaps.add("Pools '%s' and '%s' overlap: %s range %s of '%s' and %s range %s of '%s' share ports %d-%d"
                            .formatted(first.name(), second.name(), a.getKey(), a.getValue(), first.name(), b.getKey(),
                                    b.getValue(), second.name(), start, end));
                }
            }
        }
        return overlaps;
    }

    private static Map<String, PortRange> ranges(PoolLayout layout) {
        return new TreeMap<>(Map.of("backend", layout.backend(), "frontend", layout.frontend()));
    }
}
