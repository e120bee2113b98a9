package dev.portalloc.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Reports at start whether bearer tokens protect the API. Creating {@link BearerTokens} here also checks every
 * configured token at start, so a malformed one stops the service instead of failing its first request.
 */
@ApplicationScoped
class AuthStartupLog {

    void report(@Observes StartupEvent event, BearerTokens tokens, AuthConfig config) {
        if (!tokens.enabled()) {
            String message = "Bearer token authentication is off because %s and %s are empty: any client that reaches"
                    + " the service may allocate, release and import ports. Set PORTALLOC_AUTH_ALLOCATOR_TOKENS and"
                    + " PORTALLOC_AUTH_ADMIN_TOKENS to turn it on.";
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                Log.warnf(message, BearerTokens.ALLOCATOR_KEY, BearerTokens.ADMIN_KEY);
            } else {
                Log.infof(message, BearerTokens.ALLOCATOR_KEY, BearerTokens.ADMIN_KEY);
            }
            return;
        }
        Log.infof("Bearer token authentication is on with %d allocator and %d admin token(s); /q/metrics is %s,"
                + " /q/openapi is %s", tokens.count(BearerTokens.ALLOCATOR_KEY), tokens.count(BearerTokens.ADMIN_KEY),
                openness(config.protectMetrics()), openness(config.protectOpenapi()));
    }

    private static String openness(boolean protectedByToken) {
        return protectedByToken ? "protected" : "open";
    }
}
