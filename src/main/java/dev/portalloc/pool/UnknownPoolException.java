package dev.portalloc.pool;

import java.util.Set;

/** A request named a pool that is not configured. */
public class UnknownPoolException extends RuntimeException {

    private final String pool;

    public UnknownPoolException(String pool, Set<String> configured) {
        super("pool '%s' is not configured; configured pools: %s".formatted(pool, configured));
        this.pool = pool;
    }

    public String pool() {
        return pool;
    }
}
