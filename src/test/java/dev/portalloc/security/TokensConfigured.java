package dev.portalloc.security;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Configures bearer tokens, and logs at DEBUG the categories that handle them, so that {@link LogSecrecyTest} would
 * find a token that any of them wrote to the log.
 */
public class TokensConfigured implements QuarkusTestProfile {

    static final String ALLOCATOR_TOKEN = "allocator-token-5f0c1e7a9d2b4c68";
    static final String SECOND_ALLOCATOR_TOKEN = "allocator-token-b81d3e5f7a9c0e24";
    static final String ADMIN_TOKEN = "admin-token-93a7c5e1f0b2d468ac";
    /** Well-formed and as long as a real token, but configured nowhere. */
    static final String UNKNOWN_TOKEN = "unknown-token-0d2f4b6a8c1e3f57";

    static final List<String> CONFIGURED = List.of(ALLOCATOR_TOKEN, SECOND_ALLOCATOR_TOKEN, ADMIN_TOKEN);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "portalloc.auth.allocator-tokens", ALLOCATOR_TOKEN + "," + SECOND_ALLOCATOR_TOKEN,
                "portalloc.auth.admin-tokens", ADMIN_TOKEN,
                "quarkus.http.access-log.enabled", "true",
                "quarkus.log.category.\"io.quarkus.security\".level", "DEBUG",
                "quarkus.log.category.\"io.quarkus.vertx.http.runtime.security\".level", "DEBUG",
                "quarkus.log.category.\"io.smallrye.config\".level", "DEBUG",
                "quarkus.log.category.\"dev.portalloc\".level", "DEBUG");
    }
}
