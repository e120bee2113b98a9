package dev.portalloc.pool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the allocator and its port pools, under {@code portalloc.*}. */
@ConfigMapping(prefix = "portalloc")
public interface AllocatorConfig {

    /** Pool for requests that name none and whose model matches no pool's patterns. */
    @WithDefault("default")
    String defaultPool();

    /** How long a request waits for a pool's lock before it fails with 503. */
    @WithDefault("5S")
    Duration lockTimeout();

    /** Port pools by name; each pool is its own port space. */
    Map<String, Pool> pools();

    /** One pool's layout: slot i is backend {@code backendStart + step*i} and frontend {@code frontendStart + step*i}. */
    interface Pool {

        /** First backend port. */
        int backendStart();

        /** Last backend port that may be handed out. */
        int backendEnd();

        /** First frontend port. */
        int frontendStart();

        /** Last frontend port that may be handed out. */
        int frontendEnd();

        /** Distance between the ports of neighbouring slots. */
        @WithDefault("1")
        int step();

        /** Ports that are never handed out; a slot containing one is skipped. */
        Optional<Set<Integer>> reserved();

        /** Regular expressions; a request without a pool goes to the first pool whose pattern matches the whole model name. */
        Optional<List<String>> models();
    }
}
