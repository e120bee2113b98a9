package dev.portalloc.legacy;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.metrics.AllocationMetrics;

/** Counts the allocations an import stored, per pool, once its transaction has committed. */
@ApplicationScoped
class ImportMetrics {

    private final AllocationMetrics metrics;
    private final TransactionSynchronizationRegistry transactions;

    ImportMetrics(AllocationMetrics metrics, TransactionSynchronizationRegistry transactions) {
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /** Records the stored keys when the current transaction commits; a rollback or dry run records nothing. */
    void recordOnCommit(Collection<Key> storedKeys) {
        Map<String, Integer> perPool = new TreeMap<>();
        storedKeys.forEach(key -> perPool.merge(key.pool(), 1, Integer::sum));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    perPool.forEach(metrics::recordImport);
                }
            }
        });
    }
}
