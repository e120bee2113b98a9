package dev.portalloc.security;

/** Role names that the bearer tokens grant and the {@code quarkus.http.auth.policy.*} entries require. */
final class Roles {

    /** Get-or-allocate and look-up. */
    static final String ALLOCATOR = "allocator";

    /** Release, import and every other change; an admin token also holds {@link #ALLOCATOR}. */
    static final String ADMIN = "admin";

    private Roles() {
    }
}
