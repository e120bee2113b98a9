package dev.portalloc.security;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request body limits of the API, under {@code portalloc.limits.*}. */
@ConfigMapping(prefix = "portalloc.limits")
public interface LimitsConfig {

    /**
     * Largest body of any API request except an import. A get-or-allocate body with a 200-character model name stays
     * under 2 KiB even when every character is sent as a six-character JSON escape.
     */
    @WithDefault("16K")
    MemorySize maxBodySize();

    /**
     * Largest body of an import of allocations. {@code application.properties} sets Quarkus' global
     * {@code quarkus.http.limits.max-body-size} to it as well, for the paths outside {@code /api}.
     */
    @WithDefault("10M")
    MemorySize maxImportBodySize();
}
