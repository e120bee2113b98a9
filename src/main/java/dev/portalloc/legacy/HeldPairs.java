package dev.portalloc.legacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairs that the database holds in the pools an import touches, read under their locks: key to pair, and port to the
 * key that holds it. A pool has at most 32,767 allocations (two of its 65,535 ports each), so this stays small.
 */
final class HeldPairs {

    private final Map<Key, PortPair> pairByKey = new HashMap<>();
    private final Map<PoolPort, Key> keyByPort = new HashMap<>();

    /** Adds the rows of one pool, each {@code [model, app_number, backend_port, frontend_port]}. */
    void addPool(String pool, List<Object[]> rows) {
        for (Object[] row : rows) {
            Key key = new Key(pool, (String) row[0], ((Number) row[1]).intValue());
            PortPair pair = new PortPair(((Number) row[2]).intValue(), ((Number) row[3]).intValue());
            pairByKey.put(key, pair);
            keyByPort.put(new PoolPort(pool, pair.backend()), key);
            keyByPort.put(new PoolPort(pool, pair.frontend()), key);
        }
    }

    PortPair pairOf(Key key) {
        return pairByKey.get(key);
    }

    Key holderOf(PoolPort port) {
        return keyByPort.get(port);
    }

    /** An allocation's key. */
    record Key(String pool, String model, int appNumber) {

        @Override
        public String toString() {
            return "model %s app %d in pool %s".formatted(model, appNumber, pool);
        }
    }

    /** A backend and frontend port. */
    record PortPair(int backend, int frontend) {

        @Override
        public String toString() {
            return backend + "/" + frontend;
        }
    }

    /** A port within one pool's port space; pools do not share ports. */
    record PoolPort(String pool, int port) {
    }
}
