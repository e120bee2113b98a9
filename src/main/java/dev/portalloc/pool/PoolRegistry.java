package dev.portalloc.pool;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/** The configured pools, checked once at start, and the rule that picks a pool for a request. */
@Startup
@ApplicationScoped
public class PoolRegistry {

    private final Map<String, PoolLayout> layouts;
    private final PoolLayout defaultPool;

    /** @throws InvalidPoolConfigException when a pool's settings break a rule, which stops the start */
    PoolRegistry(AllocatorConfig config) {
        this.layouts = PoolLayouts.build(config.pools());
        this.defaultPool = PoolLayouts.defaultPool(layouts, config.defaultPool());
        layouts.values().forEach(PoolRegistry::logLayout);
        for (String overlap : PoolLayouts.overlaps(List.copyOf(layouts.values()))) {
            Log.warnf("%s; on a shared host both pools can hand out the same port", overlap);
        }
        for (String variable : PoolEnvironment.unmatched(System.getenv().keySet(), layouts.keySet())) {
            Log.warnf("Environment variable %s sets no key of a configured pool (%s); a pool that only environment"
                    + " variables declare needs a name of lower-case letters and digits, others must be declared in a"
                    + " configuration file", variable, String.join(", ", layouts.keySet()));
        }
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

    private static void logLayout(PoolLayout layout) {
        Log.infof("Pool '%s': backend %s, frontend %s, step %d, %d slots, reserved ports %s, model patterns %s",
                layout.name(), layout.backend(), layout.frontend(), layout.step(), layout.slotCount(),
                layout.reserved().stream().sorted().toList(), layout.modelPatterns());
    }
}
