package dev.portalloc.legacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.legacy.HeldPairs.PoolPort;
import dev.portalloc.legacy.HeldPairs.PortPair;
import dev.portalloc.legacy.ImportReport.EntryProblem;

/**
 * Lists every conflict of a file for a strict import: a key the database holds with other ports, the same key earlier in
 * the file with other ports, a port held by another key in the database, and a port that an earlier entry of another key
 * uses, in either role. The first holder (database first, then file order) is never named; its contenders are.
 */
final class ConflictFinder {

    private final HeldPairs held;
    private final Map<Key, PlacedEntry> firstOfKey = new HashMap<>();
    private final Map<PoolPort, PlacedEntry> firstOfPort = new HashMap<>();
    private final List<EntryProblem> problems = new ArrayList<>();

    private ConflictFinder(HeldPairs held) {
        this.held = held;
    }

    /** The conflicts of {@code entries}, which must be valid and in file order. */
    static List<EntryProblem> find(List<PlacedEntry> entries, HeldPairs held) {
        ConflictFinder finder = new ConflictFinder(held);
        entries.forEach(finder::check);
        return finder.problems;
    }

    private void check(PlacedEntry entry) {
        PortPair heldPair = held.pairOf(entry.key());
        if (heldPair != null && !heldPair.equals(entry.pair())) {
            problems.add(entry.problem(differingField(entry, heldPair.backend()),
                    "%s already holds ports %s; the file gives %s".formatted(entry.key(), heldPair, entry.pair())));
        }
        PlacedEntry first = firstOfKey.putIfAbsent(entry.key(), entry);
        if (first != null && !first.pair().equals(entry.pair())) {
            problems.add(entry.problem(differingField(entry, first.pair().backend()),
                    "%s has ports %s in %s; a key holds one pair".formatted(entry.key(), first.pair(), first.describe())));
        }
        checkPort(entry, LegacyEntry.BACKEND_PORT, entry.backend());
        checkPort(entry, LegacyEntry.FRONTEND_PORT, entry.frontend());
    }

    private void checkPort(PlacedEntry entry, String field, PoolPort port) {
        Key holder = held.holderOf(port);
        if (holder != null && !holder.equals(entry.key())) {
            problems.add(entry.problem(field, "port %d is held by %s".formatted(port.port(), holder)));
            return;
        }
        PlacedEntry earlier = firstOfPort.putIfAbsent(port, entry);
        if (earlier != null && !earlier.key().equals(entry.key())) {
            problems.add(entry.problem(field, "port %d is also used by %s".formatted(port.port(), earlier.describe())));
        }
    }

    /** Names the port field that differs from the key's other pair: the backend when it differs, else the frontend. */
    private static String differingField(PlacedEntry entry, int otherBackend) {
        return entry.pair().backend() != otherBackend ? LegacyEntry.BACKEND_PORT : LegacyEntry.FRONTEND_PORT;
    }
}
