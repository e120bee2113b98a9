package dev.portalloc.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.Secret;

/**
 * The configured bearer tokens, kept here only as SHA-256 digests. A presented token is hashed and compared with every
 * digest by {@link MessageDigest#isEqual}, which in JDK 17 reads every byte before it returns, so the time taken does
 * not depend on how much of a token matched or on which token matched.
 */
@Singleton
class BearerTokens {

    static final String ALLOCATOR_KEY = "portalloc.auth.allocator-tokens";
    static final String ADMIN_KEY = "portalloc.auth.admin-tokens";
    /** Short tokens can be guessed. 16 random characters from the 68 that TOKEN68 allows carry about 97 bits. */
    static final int MIN_LENGTH = 16;
    /** The token68 syntax of RFC 7235, which a bearer token (RFC 6750) follows; it contains no comma or space. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private final List<Entry> entries = new ArrayList<>();

    BearerTokens(AuthConfig config) {
        // Admin entries come first, so a token listed in both lists is matched as admin.
        add(ADMIN_KEY, config.adminTokens(), Set.of(Roles.ADMIN, Roles.ALLOCATOR));
        add(ALLOCATOR_KEY, config.allocatorTokens(), Set.of(Roles.ALLOCATOR));
    }

    /** Returns whether any token is configured. Without one the API is open. */
    boolean enabled() {
        return !entries.isEmpty();
    }

    /** Counts the tokens configured under a key, {@link #ADMIN_KEY} or {@link #ALLOCATOR_KEY}. */
    long count(String key) {
        return entries.stream().filter(entry -> entry.name().startsWith(key + "[")).count();
    }

    /** Returns the entry of the configured token equal to {@code presented}, or empty when none is. */
    Optional<Entry> match(String presented) {
        byte[] digest = sha256(presented);
        Entry found = null;
        for (Entry entry : entries) {
            // No early exit: every digest is compared whether or not an earlier one matched.
            boolean equal = MessageDigest.isEqual(entry.digest(), digest);
            if (equal && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    private void add(String key, Optional<List<Secret<String>>> tokens, Set<String> roles) {
        List<Secret<String>> values = tokens.orElse(List.of());
        for (int i = 0; i < values.size(); i++) {
            String token = values.get(i).get().strip();
            if (token.isEmpty()) {
                continue;
            }
            String name = "%s[%d]".formatted(key, i);
            if (token.length() < MIN_LENGTH || !TOKEN68.matcher(token).matches()) {
                // The message names the entry, never its value.
                throw new ConfigurationException(name + " is invalid: a token must have at least " + MIN_LENGTH
                        + " characters from A-Z a-z 0-9 - . _ ~ + / and may end in '='; generate one with"
                        + " 'openssl rand -hex 32'", Set.of(key));
            }
            entries.add(new Entry(name, roles, sha256(token)));
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** One configured token: the configuration entry it came from, its roles and its digest. */
    record Entry(String name, Set<String> roles, byte[] digest) {
    }
}
