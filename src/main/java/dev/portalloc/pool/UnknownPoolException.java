package dev.portalloc.pool;

import java.util.Set;

/** A request named a pool that is not configured. */
public class UnknownPoolException extends RuntimeException {

    private final String pool;
    private final String rule;

    public UnknownPoolException(String pool, Set<String> configured) {
        this(pool, "must name a configured pool, but '%s' is not one; configured pools: %s".formatted(pool,
                String.join(", ", configured)));
    }

    private UnknownPoolException(String pool, String rule) {
        super("pool " + rule);
        this.pool = pool;
        this.rule = rule;
    }

    public String pool() {
        return pool;
    }

    /** Returns the rule that the request's {@code pool} field breaks, worded to follow the field name. */
    public String rule() {
        return rule;
    }
}
