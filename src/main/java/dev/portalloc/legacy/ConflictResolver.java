package dev.portalloc.legacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.legacy.HeldPairs.PoolPort;
import dev.portalloc.legacy.HeldPairs.PortPair;

/**
 * Decides what an import writes, taking entries in file order after the database's pairs. An entry whose key already has
 * a pair keeps that pair, and counts as unchanged when it is the same. An entry whose two ports are still free claims
 * them. Any other entry is a contender, and its key gets a fresh pair. A contender claims no port, so a later entry may
 * still get the contender's other port.
 */
final class ConflictResolver {

    private final HeldPairs held;
    private final Map<Key, Optional<PortPair>> pairOfKey = new HashMap<>();
    private final Map<PoolPort, Key> claimed = new HashMap<>();
    private final ImportPlan plan = new ImportPlan();

    private ConflictResolver(HeldPairs held) {
        this.held = held;
    }

    /** The plan for {@code entries}, which must be valid and in file order. */
    static ImportPlan resolve(List<PlacedEntry> entries, HeldPairs held) {
        ConflictResolver resolver = new ConflictResolver(held);
        entries.forEach(resolver::place);
        return resolver.plan;
    }

    private void place(PlacedEntry entry) {
        PortPair heldPair = held.pairOf(entry.key());
        Optional<PortPair> keyPair = heldPair != null ? Optional.of(heldPair) : pairOfKey.get(entry.key());
        if (keyPair != null) {
            if (keyPair.isPresent() && keyPair.get().equals(entry.pair())) {
                plan.unchanged++;
            } else {
                plan.moves.add(new Move(entry, keyPair));
            }
            return;
        }
        if (isFree(entry.backend()) && isFree(entry.frontend())) {
            claimed.put(entry.backend(), entry.key());
            claimed.put(entry.frontend(), entry.key());
            pairOfKey.put(entry.key(), Optional.of(entry.pair()));
            plan.inserts.add(entry);
            return;
        }
        pairOfKey.put(entry.key(), Optional.empty());
        plan.freshKeys.add(entry.key());
        plan.moves.add(new Move(entry, Optional.empty()));
    }

    private boolean isFree(PoolPort port) {
        return held.holderOf(port) == null && !claimed.containsKey(port);
    }

    /**
     * The writes of an import: entries with their own ports, keys that need a fresh pair, and entries that get another pair.
     */
    static final class ImportPlan {
        final List<PlacedEntry> inserts = new ArrayList<>();
        final LinkedHashSet<Key> freshKeys = new LinkedHashSet<>();
        final List<Move> moves = new ArrayList<>();
        int unchanged;
    }

    /** An entry whose key ends up with another pair: {@code target} is empty while the key waits for a fresh pair. */
    record Move(PlacedEntry entry, Optional<PortPair> target) {
    }
}
