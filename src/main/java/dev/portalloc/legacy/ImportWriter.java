package dev.portalloc.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.portalloc.allocation.Allocation;
import dev.portalloc.legacy.HeldPairs.Key;
import dev.portalloc.legacy.HeldPairs.PortPair;
import dev.portalloc.pool.PoolLayout;
import dev.portalloc.pool.PoolRegistry;
import dev.portalloc.pool.PortPool;
import dev.portalloc.pool.SlotAllocator;
import io.quarkus.logging.Log;

/** Writes an import's allocations. The caller holds the lock of every pool it writes to. */
@ApplicationScoped
class ImportWriter {

    /** One statement per chunk: a large file goes in as a few array-bound inserts instead of one round trip per row. */
    private static final int CHUNK = 5_000;
    private static final String INSERT = """
            INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)
            SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS integer[]),
                                 CAST(? AS integer[]), CAST(? AS integer[]))""";

    private final EntityManager entityManager;
    private final PoolRegistry pools;
    private final SlotAllocator slots;

    ImportWriter(EntityManager entityManager, PoolRegistry pools, SlotAllocator slots) {
        this.entityManager = entityManager;
        this.pools = pools;
        this.slots = slots;
    }

    /** Inserts the entries with their own ports; the {@code held_port} trigger then holds those ports. */
    void insert(List<PlacedEntry> entries) {
        Session session = entityManager.unwrap(Session.class);
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<PlacedEntry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            session.doWork(connection -> insertChunk(connection, chunk));
        }
        for (PlacedEntry entry : entries) {
            Log.debugf("Imported pool=%s model=%s appNumber=%d backendPort=%d frontendPort=%d", entry.key().pool(),
                    entry.key().model(), entry.key().appNumber(), entry.pair().backend(), entry.pair().frontend());
        }
    }

    /**
     * Gives each key the lowest free slot of its pool, in order, exactly as a new allocation would get it. Call after
     * {@link #insert}, so the slots skip the imported ports.
     *
     * @throws dev.portalloc.pool.PoolExhaustedException when a pool runs out of free slots
     */
    Map<Key, PortPair> allocateFresh(Collection<Key> keys, Map<String, PortPool> lockedPools) {
        Map<Key, PortPair> fresh = new LinkedHashMap<>();
        for (Key key : keys) {
            PoolLayout layout = pools.find(key.pool()).orElseThrow();
            int slot = slots.take(lockedPools.get(key.pool()), layout);
            Allocation allocation = Allocation.inSlot(layout, key.model(), key.appNumber(), slot);
            allocation.persistAndFlush();
            fresh.put(key, new PortPair(allocation.backendPort, allocation.frontendPort));
        }
        return fresh;
    }

    private static void insertChunk(Connection connection, List<PlacedEntry> chunk) throws SQLException {
        int size = chunk.size();
        String[] poolNames = new String[size];
        String[] models = new String[size];
        Integer[] appNumbers = new Integer[size];
        Integer[] backendPorts = new Integer[size];
        Integer[] frontendPorts = new Integer[size];
        for (int i = 0; i < size; i++) {
            PlacedEntry entry = chunk.get(i);
            poolNames[i] = entry.key().pool();
            models[i] = entry.key().model();
            appNumbers[i] = entry.key().appNumber();
            backendPorts[i] = entry.pair().backend();
            frontendPorts[i] = entry.pair().frontend();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setArray(1, connection.createArrayOf("varchar", poolNames));
            statement.setArray(2, connection.createArrayOf("varchar", models));
            statement.setArray(3, connection.createArrayOf("integer", appNumbers));
            statement.setArray(4, connection.createArrayOf("integer", backendPorts));
            statement.setArray(5, connection.createArrayOf("integer", frontendPorts));
            statement.executeUpdate();
        }
    }
}
