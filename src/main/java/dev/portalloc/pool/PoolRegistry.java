package dev.portalloc.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import dev.portalloc.pool.PoolLayout.PortRange;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/** The configured pools, checked once at start, and the rule that picks a pool for a request. */
@Startup
@ApplicationScoped
public class PoolRegistry {

    private static final String PREFIX = "portalloc.pools.";

    private final Map<String, PoolLayout> layouts;
    private final PoolLayout defaultPool;

    PoolRegistry(AllocatorConfig config) {
        this.layouts = buildLayouts(config.pools());
        this.defaultPool = layouts.get(config.defaultPool());
        if (defaultPool == null) {
            throw new InvalidPoolConfigException(("portalloc.default-pool names pool '%s', but no such pool is configured;"
                    + " configured pools: %s").formatted(config.defaultPool(), layouts.keySet()));
        }
        warnAboutOverlaps(layouts.values());
    }

    /** All pools, ordered by name. */
    public Collection<PoolLayout> all() {
        return layouts.values();
    }

    public Optional<PoolLayout> find(String name) {
        return Optional.ofNullable(layouts.get(name));
    }

    /**
     * Picks the pool for a request: the named one, else the first pool (by name) whose model patterns match, else the
     * default pool.
     *
     * @throws UnknownPoolException when a pool is named but not configured
     */
    public PoolLayout resolve(String requestedPool, String model) {
        if (requestedPool != null) {
            return find(requestedPool).orElseThrow(() -> new UnknownPoolException(requestedPool, layouts.keySet()));
        }
        return layouts.values().stream()
                .filter(layout -> layout.matchesModel(model))
                .findFirst()
                .orElse(defaultPool);
    }

    static Map<String, PoolLayout> buildLayouts(Map<String, AllocatorConfig.Pool> pools) {
        if (pools.isEmpty()) {
            throw new InvalidPoolConfigException("no pool is configured: set portalloc.pools.<name>.backend-start and"
                    + " the other keys of at least one pool");
        }
        Map<String, PoolLayout> layouts = new TreeMap<>();
        pools.forEach((name, pool) -> layouts.put(name, toLayout(name, pool)));
        return layouts;
    }

    private static PoolLayout toLayout(String name, AllocatorConfig.Pool pool) {
        String key = PREFIX + name + ".";
        if (name.isEmpty() || name.length() > 64) {
            throw new InvalidPoolConfigException("pool name '%s' must have 1 to 64 characters".formatted(name));
        }
        PortRange backend = range(key + "backend", pool.backendStart(), pool.backendEnd());
        PortRange frontend = range(key + "frontend", pool.frontendStart(), pool.frontendEnd());
        if (pool.step() < 1) {
            throw new InvalidPoolConfigException("%sstep is %d but must be at least 1".formatted(key, pool.step()));
        }
        Set<Integer> reserved = pool.reserved().orElse(Set.of());
        for (int port : reserved) {
            requirePort(key + "reserved", port);
        }
        PoolLayout layout = new PoolLayout(name, backend, frontend, pool.step(), reserved, patterns(key, pool));
        if (!hasUsableSlot(layout)) {
            throw new InvalidPoolConfigException(("pool '%s' has no usable slot: ranges backend %s and frontend %s with"
                    + " step %d leave no pair free of reserved ports; widen the ranges or reserve fewer ports")
                    .formatted(name, backend, frontend, pool.step()));
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

    private static void warnAboutOverlaps(Collection<PoolLayout> layouts) {
        List<PoolLayout> sorted = layouts.stream().sorted(Comparator.comparing(PoolLayout::name)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                warnIfOverlapping(sorted.get(i), sorted.get(j));
            }
        }
    }

    private static void warnIfOverlapping(PoolLayout first, PoolLayout second) {
        for (PortRange a : List.of(first.backend(), first.frontend())) {
            for (PortRange b : List.of(second.backend(), second.frontend())) {
                if (a.overlaps(b)) {
                    Log.warnf("Pools '%s' and '%s' overlap on ports %d-%d; on a shared host they can hand out the same port",
                            first.name(), second.name(), Math.max(a.start(), b.start()), Math.min(a.end(), b.end()));
                }
            }
        }
    }
}
