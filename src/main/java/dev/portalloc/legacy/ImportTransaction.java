package dev.portalloc.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.portalloc.legacy.ConflictResolver.ImportPlan;
import dev.portalloc.legacy.ConflictResolver.Move;
import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.legacy.HeldPairs.PortPair;
import dev.portalloc.legacy.ImportReport.EntryProblem;
import dev.portalloc.legacy.ImportReport.Reassignment;
import dev.portalloc.pool.PoolLocks;
import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.pool.PortPool;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One import in one transaction: all entries or, when the file is rejected, none. It holds the lock of every pool it
 * touches from before it reads the database until it ends, so allocations and releases on any replica wait for it and
 * then see its ports as held.
 */
@ApplicationScoped
class ImportTransaction {

    private final PoolRegistry pools;
    private final PoolLocks locks;
    private final EntryValidator validator;
    private final ImportWriter writer;
    private final EntityManager entityManager;
    private final ImportMetrics metrics;

    ImportTransaction(PoolRegistry pools, PoolLocks locks, EntryValidator validator, ImportWriter writer,
            EntityManager entityManager, ImportMetrics metrics) {
        this.pools = pools;
        this.locks = locks;
        this.validator = validator;
        this.writer = writer;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /**
     * Validates every entry, then imports them unless an entry is invalid or, with {@link OnConflict#REJECT}, conflicts.
     * A dry run does the same and rolls back, so its report shows the fresh pairs that a real run would give.
     *
     * @throws dev.portalloc.pool.PoolExhaustedException when a pool has no free slot left for a reassigned key
     */
    @Transactional
    ImportReport run(List<LegacyEntry> entries, OnConflict onConflict, boolean dryRun) {
        List<EntryProblem> problems = new ArrayList<>();
        List<PlacedEntry> placed = new ArrayList<>();
        for (LegacyEntry entry : entries) {
            List<EntryProblem> invalid = validator.problems(entry);
            if (invalid.isEmpty()) {
                placed.add(PlacedEntry.of(entry, pools.resolve(null, entry.model()).name()));
            }
            problems.addAll(invalid);
        }
        Map<String, PortPool> lockedPools = lockInNameOrder(placed);
        HeldPairs held = readHeldPairs(lockedPools.keySet());
        ImportPlan plan = ConflictResolver.resolve(placed, held);
        if (onConflict == OnConflict.REJECT) {
            problems.addAll(ConflictFinder.find(placed, held));
        }
        if (!problems.isEmpty()) {
            QuarkusTransaction.setRollbackOnly();
            problems.sort(Comparator.comparingInt(EntryProblem::index));
            return rejected(problems, plan.unchanged, dryRun);
        }
        writer.insert(plan.inserts);
        Map<Key, PortPair> fresh = writer.allocateFresh(plan.freshKeys, lockedPools);
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        } else {
            List<Key> stored = new ArrayList<>(plan.freshKeys);
            plan.inserts.forEach(entry -> stored.add(entry.key()));
            metrics.recordOnCommit(stored);
        }
        List<Reassignment> reassignments = plan.moves.stream().map(move -> reassignment(move, fresh)).toList();
        return new ImportReport(plan.inserts.size(), plan.unchanged, reassignments.size(), 0, dryRun, List.of(),
                reassignments);
    }

    /** Locks pools in name order, so two imports that touch the same pools cannot deadlock. */
    private Map<String, PortPool> lockInNameOrder(List<PlacedEntry> placed) {
        TreeSet<String> names = new TreeSet<>();
        placed.forEach(entry -> names.add(entry.key().pool()));
        Map<String, PortPool> locked = new LinkedHashMap<>();
        for (String name : names) {
            locked.put(name, locks.lock(pools.find(name).orElseThrow()));
        }
        return locked;
    }

    @SuppressWarnings("unchecked")
    private HeldPairs readHeldPairs(Iterable<String> poolNames) {
        HeldPairs held = new HeldPairs();
        for (String pool : poolNames) {
            List<Object[]> rows = entityManager.createNativeQuery(
                    "SELECT model, app_number, backend_port, frontend_port FROM allocation WHERE pool = :pool")
                    .setParameter("pool", pool)
                    .getResultList();
            held.addPool(pool, rows);
        }
        return held;
    }

    private static Reassignment reassignment(Move move, Map<Key, PortPair> fresh) {
        Key key = move.entry().key();
        PortPair old = move.entry().pair();
        PortPair target = move.target().orElseGet(() -> fresh.get(key));
        return new Reassignment(key.pool(), key.model(), key.appNumber(), old.backend(), old.frontend(), target.backend(),
                target.frontend());
    }

    private static ImportReport rejected(List<EntryProblem> problems, int unchanged, boolean dryRun) {
        int rejected = (int) problems.stream().mapToInt(EntryProblem::index).distinct().count();
        return new ImportReport(0, unchanged, 0, rejected, dryRun, List.copyOf(problems), List.of());
    }
}
