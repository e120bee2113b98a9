package dev.portalloc.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Optional;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    private static final SQLException ADMIN_SHUTDOWN = new SQLException(
            "FATAL: terminating connection due to administrator command", "57P01");

    @Test
    void failedCommitIsUnavailable() {
        // The exception chain that Narayana throws when PostgreSQL ends the session during COMMIT.
        XAException commit = new XAException("Error trying to transactionCommit local transaction");
        commit.initCause(ADMIN_SHUTDOWN);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commit);
        RuntimeException thrown = new RuntimeException("Error invoking subclass method", rollback);

        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(thrown));
    }

    @Test
    void causeChainIsSearched() {
        RuntimeException thrown = new PersistenceException("could not execute statement", ADMIN_SHUTDOWN);

        assertEquals(Optional.of(DatabaseFailure.UNAVAILABLE), DatabaseFailure.of(thrown));
    }

    @Test
    void cancelledStatementIsLockTimeout() {
        SQLException cancelled = new SQLException("ERROR: canceling statement due to statement timeout", "57014");

        assertEquals(Optional.of(DatabaseFailure.LOCK_TIMEOUT), DatabaseFailure.of(new PersistenceException(cancelled)));
    }

    @Test
    void otherFailureIsNotRetryable() {
        SQLException constraint = new SQLException("duplicate key value violates unique constraint", "23505");
        RuntimeException thrown = new RuntimeException(new IllegalStateException("broken", constraint));
        thrown.addSuppressed(new IllegalArgumentException("unrelated"));

        assertEquals(Optional.empty(), DatabaseFailure.of(thrown));
    }

    @Test
    void cyclicCausesEnd() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        first.addSuppressed(second);

        assertEquals(Optional.empty(), DatabaseFailure.of(first));
    }
}
