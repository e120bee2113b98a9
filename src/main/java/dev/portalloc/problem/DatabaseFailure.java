package dev.portalloc.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.PessimisticLockException;

/** Database failures that a retry can cure, found among an exception's causes and suppressed exceptions. */
enum DatabaseFailure {
    /** A pool's lock was not granted within {@code portalloc.lock-timeout}. */
    LOCK_TIMEOUT,
    /** PostgreSQL cannot be reached, is shutting down or starting, or no pooled connection came free in time. */
    UNAVAILABLE;

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    private static final String TOO_MANY_CONNECTIONS = "53300";

    static Optional<DatabaseFailure> of(Throwable error) {
        return find(error, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Searches the causes and the suppressed exceptions: when a commit fails, Narayana throws a RollbackException that
     * carries the driver's SQLException only as the cause of a suppressed XAException.
     */
    private static Optional<DatabaseFailure> find(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return Optional.empty();
        }
        if (error instanceof PessimisticLockException) {
            return Optional.of(LOCK_TIMEOUT);
        }
        if (error instanceof SQLException sql) {
            Optional<DatabaseFailure> failure = of(sql);
            if (failure.isPresent()) {
                return failure;
            }
        }
        Optional<DatabaseFailure> failure = find(error.getCause(), seen);
        for (Throwable suppressed : error.getSuppressed()) {
            failure = failure.or(() -> find(suppressed, seen));
        }
        return failure;
    }

    private static Optional<DatabaseFailure> of(SQLException sql) {
        String state = sql.getSQLState();
        if (LOCK_NOT_AVAILABLE.equals(state) || QUERY_CANCELED.equals(state)) {
            return Optional.of(LOCK_TIMEOUT);
        }
        if (state == null) {
            // Agroal reports an exhausted connection pool without an SQL state.
            String message = String.valueOf(sql.getMessage()).toLowerCase();
            return message.contains("acquisition timeout") ? Optional.of(UNAVAILABLE) : Optional.empty();
        }
        boolean connectionLost = state.startsWith("08") || state.startsWith("57P") || TOO_MANY_CONNECTIONS.equals(state);
        return connectionLost ? Optional.of(UNAVAILABLE) : Optional.empty();
    }
}
