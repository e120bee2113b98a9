package dev.portalloc.operations;

import jakarta.persistence.EntityManager;

/** Makes the current transaction a read-only snapshot, so that every query of a report sees the same committed state. */
final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /**
     * Sets the transaction to REPEATABLE READ, READ ONLY. PostgreSQL accepts this only before the transaction's first
     * query, so call it first. Plain reads in such a transaction take no row locks, so they do not wait for a pool's
     * row lock.
     */
    static void begin(EntityManager entityManager) {
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
    }
}
