package dev.portalloc.security;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.Secret;
import io.smallrye.config.WithDefault;

/**
 * Bearer tokens that protect the API, under {@code portalloc.auth.*}. With no token in either list the API is open.
 * {@link Secret} keeps the tokens out of the configuration's property names, its {@code toString} and its programmatic
 * look-ups.
 */
@ConfigMapping(prefix = "portalloc.auth")
public interface AuthConfig {

    /** Tokens of generator jobs: get-or-allocate, look-up and the read-only operator endpoints. */
    Optional<List<Secret<String>>> allocatorTokens();

    /** Tokens of operators: everything allocator tokens may do, plus release, import and any other change. */
    Optional<List<Secret<String>>> adminTokens();

    /** Whether {@code /q/metrics} needs a valid token; read by a permission in {@code application.properties}. */
    @WithDefault("false")
    boolean protectMetrics();

    /** Whether {@code /q/openapi} needs a valid token; read by a permission in {@code application.properties}. */
    @WithDefault("false")
    boolean protectOpenapi();
}
