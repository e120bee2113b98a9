package dev.portalloc.legacy;

import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.legacy.HeldPairs.PoolPort;
import dev.portalloc.legacy.HeldPairs.PortPair;

/** A valid entry with the pool that a request for its model would get. */
record PlacedEntry(LegacyEntry entry, Key key, PortPair pair) {

    static PlacedEntry of(LegacyEntry entry, String pool) {
        return new PlacedEntry(entry, new Key(pool, entry.model(), entry.appNumber()),
                new PortPair(entry.backendPort(), entry.frontendPort()));
    }

    PoolPort backend() {
        return new PoolPort(key.pool(), pair.backend());
    }

    PoolPort frontend() {
        return new PoolPort(key.pool(), pair.frontend());
    }

    ImportReport.EntryProblem problem(String field, String reason) {
        return new ImportReport.EntryProblem(entry.index(), key.model(), key.appNumber(), field, reason);
    }

    String describe() {
        return "entry %d (%s)".formatted(entry.index(), key);
    }
}
