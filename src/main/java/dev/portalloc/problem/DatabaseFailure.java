package dev.portalloc.problem;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.persistence.PessimisticLockException;

/** Database failures that a retry can cure, found anywhere in an exception's cause chain. */
enum DatabaseFailure {
    /** A pool's lock was not granted within {@code portalloc.lock-timeout}. */
    LOCK_TIMEOUT,
    /** PostgreSQL cannot be reached, is shutting down or starting, or no pooled connection came free in time. */
    UNAVAILABLE;

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    private static final String TOO_MANY_CONNECTIONS = "53300";

    static Optional<DatabaseFailure> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockException) {
                return Optional.of(LOCK_TIMEOUT);
            }
            if (cause instanceof SQLException sql) {
                Optional<DatabaseFailure> failure = of(sql);
                if (failure.isPresent()) {
                    return failure;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
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
