package dev.portalloc.pool;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds environment variables under {@code PORTALLOC_POOLS_} that set no key of a configured pool. SmallRye Config maps
 * each {@code _} of such a name back to a dot unless the dotted key is declared in a configuration file, so a pool whose
 * name contains '-', '_' or '.' and that only environment variables declare ends up under another name or nowhere, and
 * nothing else reports it.
 */
final class PoolEnvironment {

    static final String PREFIX = "PORTALLOC_POOLS_";
    /** The keys of {@link AllocatorConfig.Pool}. */
    private static final List<String> KEYS = List.of("backend-start", "backend-end", "frontend-start", "frontend-end",
            "step", "reserved", "models");

    private PoolEnvironment() {
    }

    /** Returns the names among {@code variables} that start with {@link #PREFIX} but match no key of {@code pools}. */
    static List<String> unmatched(Collection<String> variables, Collection<String> pools) {
        Set<String> known = new HashSet<>();
        for (String pool : pools) {
            for (String key : KEYS) {
                known.add(envName("portalloc.pools." + pool + "." + key));
                // The form SmallRye Config documents for a quoted map key: portalloc.pools."gpu.eu".step
                known.add(envName("portalloc.pools.\"" + pool + "\"." + key));
            }
        }
        return variables.stream().filter(name -> name.startsWith(PREFIX) && !known.contains(name)).sorted().toList();
    }

    /** Returns the environment variable of a property: upper case, each character other than a letter or digit as '_'. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
