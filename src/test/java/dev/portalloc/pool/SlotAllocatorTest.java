package dev.portalloc.pool;

import static dev.portalloc.pool.PoolCapacityTest.release;
import static dev.portalloc.pool.PoolRoutingTest.allocate;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PoolsProfile.class)
class SlotAllocatorTest {

    @Inject
    TestDatabase database;

    @Inject
    PoolRegistry pools;

    @Inject
    PoolLocks locks;

    @Inject
    SlotAllocator slots;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void probeStepsOverHeldRunsOfAnyLength() {
        PoolLayout wide = pools.find("wide").orElseThrow();
        // Run lengths at the edges of the probes (1, 2, 4, ... slots, at most 4096), up to the pool's last slot.
        for (int held : new int[] { 0, 1, 2, 3, 6, 7, 8, 4094, 4095, 4096, 8190, 8191, 8192, 9000, 9535 }) {
            database.clear();
            holdFirstSlots(wide, held);

            allocate("wide", "probe", 1).then().statusCode(201)
                    .body("backendPort", equalTo(46000 + held))
                    .body("frontendPort", equalTo(56000 + held));

            assertEquals(held + 1, database.count("SELECT next_slot FROM port_pool WHERE name = 'wide'"), "held " + held);
        }
    }

    @Test
    void probeOfFullyHeldPoolReportsExhaustion() {
        PoolLayout wide = pools.find("wide").orElseThrow();
        holdFirstSlots(wide, wide.slotCount());

        allocate("wide", "probe", 1).then().statusCode(409);

        assertEquals(0, database.count("SELECT next_slot FROM port_pool WHERE name = 'wide'"));
    }

    @Test
    void peekSkipsStaleEntryAndChangesNothing() {
        for (int app = 1; app <= 5; app++) {
            allocate("tiny", "m", app).then().statusCode(201);
        }
        release("tiny", "m", 2);
        release("tiny", "m", 4);
        // An import took a port of slot 1 after it was listed as free.
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('tiny', 'legacy', 1, 40001, 40200)");
        List<List<String>> listed = database.rows("SELECT slot FROM free_slot ORDER BY slot");

        assertEquals(OptionalInt.of(3), peek("tiny"));
        assertEquals(List.of(List.of("1"), List.of("3")), listed);
        assertEquals(listed, database.rows("SELECT slot FROM free_slot ORDER BY slot"));

        allocate("tiny", "n", 1).then().statusCode(201).body("backendPort", equalTo(40003));
        assertEquals(0, database.count("SELECT count(*) FROM free_slot"));
        assertEquals(OptionalInt.empty(), peek("tiny"));
    }

    @Test
    void peekWithoutFreeListProbesFromNextSlot() {
        allocate("reserving", "m", 1).then().statusCode(201).body("backendPort", equalTo(31000));

        // Slot 1 contains a reserved port.
        assertEquals(OptionalInt.of(2), peek("reserving"));
        allocate("reserving", "m", 2).then().statusCode(201).body("backendPort", equalTo(31002));
    }

    /** Writes allocations that hold slots 0 to {@code count - 1}, above the pool's high-water mark of 0. */
    private void holdFirstSlots(PoolLayout layout, int count) {
        database.execute("INSERT INTO port_pool (name, layout, next_slot) VALUES ('%s', '%s', 0)"
                .formatted(layout.name(), layout.fingerprint()));
        database.execute(("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " SELECT '%s', 'held', s + 1, %d + s, %d + s FROM generate_series(0, %d) AS s")
                .formatted(layout.name(), layout.backend().start(), layout.frontend().start(), count - 1));
        // Statistics as autovacuum would gather them; right after TRUNCATE the planner takes the table for empty.
        database.execute("ANALYZE held_port");
    }

    private OptionalInt peek(String poolName) {
        PoolLayout layout = pools.find(poolName).orElseThrow();
        return QuarkusTransaction.requiringNew().call(() -> slots.peek(locks.lock(layout), layout));
    }
}
