package dev.portalloc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.Secret;

class BearerTokensTest {

    static final String ALLOCATOR = "allocator-0123456789abcdef";
    static final String ADMIN = "admin-0123456789abcdef";

    @Test
    void tokensMatchWithTheirRoles() {
        BearerTokens tokens = new BearerTokens(config(List.of(ALLOCATOR), List.of(ADMIN)));

        assertTrue(tokens.enabled());
        assertEquals(Set.of(Roles.ALLOCATOR), tokens.match(ALLOCATOR).orElseThrow().roles());
        assertEquals(Set.of(Roles.ADMIN, Roles.ALLOCATOR), tokens.match(ADMIN).orElseThrow().roles());
        assertEquals("portalloc.auth.admin-tokens[0]", tokens.match(ADMIN).orElseThrow().name());
        assertEquals(1, tokens.count(BearerTokens.ALLOCATOR_KEY));
        assertEquals(1, tokens.count(BearerTokens.ADMIN_KEY));
    }

    @Test
    void nearMissesDoNotMatch() {
        BearerTokens tokens = new BearerTokens(config(List.of(ALLOCATOR), List.of()));

        assertTrue(tokens.match(ALLOCATOR + "0").isEmpty());
        assertTrue(tokens.match(ALLOCATOR.substring(1)).isEmpty());
        assertTrue(tokens.match(ALLOCATOR.toUpperCase()).isEmpty());
        assertTrue(tokens.match("").isEmpty());
    }

    @Test
    void tokenInBothListsIsAdmin() {
        BearerTokens tokens = new BearerTokens(config(List.of(ADMIN), List.of(ADMIN)));

        assertEquals(Set.of(Roles.ADMIN, Roles.ALLOCATOR), tokens.match(ADMIN).orElseThrow().roles());
    }

    @Test
    void surroundingWhitespaceAndBlankEntriesAreDropped() {
        // A Secret created from a file often ends in a newline.
        BearerTokens tokens = new BearerTokens(config(List.of(ALLOCATOR + "\n", " "), List.of()));

        assertTrue(tokens.match(ALLOCATOR).isPresent());
        assertEquals(1, tokens.count(BearerTokens.ALLOCATOR_KEY));
    }

    @Test
    void noTokensLeaveApiOpen() {
        BearerTokens tokens = new BearerTokens(config(List.of(), List.of()));

        assertFalse(tokens.enabled());
        assertTrue(tokens.match(ALLOCATOR).isEmpty());
    }

    @Test
    void malformedTokensStopStartWithoutShowingThem() {
        for (String token : List.of("short-token", "has a space inside it", "comma,is,not,allowed", "ümlaut-0123456789ab")) {
            ConfigurationException error = assertThrows(ConfigurationException.class,
                    () -> new BearerTokens(config(List.of(ALLOCATOR), List.of(ADMIN, token))), token);

            assertTrue(error.getMessage().contains("portalloc.auth.admin-tokens[1] is invalid"), error.getMessage());
            assertFalse(error.getMessage().contains(token), error.getMessage());
        }
    }

    private static AuthConfig config(List<String> allocatorTokens, List<String> adminTokens) {
        return new AuthConfig() {
            @Override
            public Optional<List<Secret<String>>> allocatorTokens() {
                return secrets(allocatorTokens);
            }

            @Override
            public Optional<List<Secret<String>>> adminTokens() {
                return secrets(adminTokens);
            }

            @Override
            public boolean protectMetrics() {
                return false;
            }

            @Override
            public boolean protectOpenapi() {
                return false;
            }
        };
    }

    private static Optional<List<Secret<String>>> secrets(List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.stream().map(value -> (Secret<String>) () -> value).toList());
    }
}
