package dev.portalloc.pool;

import static dev.portalloc.pool.PoolCapacityTest.release;
import static dev.portalloc.pool.PoolRoutingTest.allocate;
import static dev.portalloc.pool.PoolRoutingTest.lookup;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.pool.PoolLayoutsTest.PoolSettings;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Plays a restart that changed the ranges of pool {@code moved}: the database holds what the service wrote under the old
 * layout (backend 41000-41009, frontend 41100-41109, step 1), and the running service has the new one (backend
 * 41000-41019, frontend 41100-41119, step 2).
 */
@QuarkusTest
@TestProfile(PoolsProfile.class)
class LayoutChangeTest {

    private static final PoolSettings OLD_LAYOUT = new PoolSettings(41000, 41009, 41100, 41109, 1, Optional.empty(),
            Optional.empty());

    @Inject
    TestDatabase database;

    @Inject
    PoolRegistry pools;

    @BeforeEach
    void writeOldLayoutState() {
        database.clear();
        String oldFingerprint = PoolLayouts.build(Map.of("moved", OLD_LAYOUT)).get("moved").fingerprint();
        // Old slots 0 to 5 were handed out in order, then old slot 1 (41001/41101) was released.
        database.execute("INSERT INTO port_pool (name, layout, next_slot) VALUES ('moved', '%s', 6)".formatted(oldFingerprint));
        database.execute("INSERT INTO free_slot (pool, slot) VALUES ('moved', 1)");
        for (int slot : new int[] { 0, 2, 3, 4, 5 }) {
            database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                    + " VALUES ('moved', 'old', %d, %d, %d)".formatted(slot + 1, 41000 + slot, 41100 + slot));
        }
    }

    @Test
    void oldAllocationsAreKept() {
        List<List<String>> before = database.allocations();

        allocate("moved", "new", 1).then().statusCode(201);

        assertEquals(before, database.allocations().subList(0, before.size()));
        for (int slot : new int[] { 0, 2, 3, 4, 5 }) {
            lookup("moved", "old", slot + 1).then().statusCode(200)
                    .body("backendPort", equalTo(41000 + slot))
                    .body("frontendPort", equalTo(41100 + slot));
            allocate("moved", "old", slot + 1).then().statusCode(200).body("backendPort", equalTo(41000 + slot));
        }
    }

    @Test
    void newKeysUseNewLayout() {
        // New slots 0, 1 and 2 (41000, 41002, 41004) contain ports that old allocations hold.
        allocate("moved", "new", 1).then().statusCode(201).body("backendPort", equalTo(41006)).body("frontendPort",
                equalTo(41106));
        allocate("moved", "new", 2).then().statusCode(201).body("backendPort", equalTo(41008)).body("frontendPort",
                equalTo(41108));

        PoolLayout layout = pools.find("moved").orElseThrow();
        assertEquals(List.of(List.of(layout.fingerprint(), "5")),
                database.rows("SELECT layout, next_slot FROM port_pool WHERE name = 'moved'"));
    }

    @Test
    void releasedOldPairFreesSlotOfNewLayout() {
        allocate("moved", "new", 1).then().statusCode(201).body("backendPort", equalTo(41006));

        // 41003/41103 is no slot of the new layout; 41004/41104 is its slot 2.
        release("moved", "old", 4);
        release("moved", "old", 5);

        assertEquals(List.of(List.of("2")), database.rows("SELECT slot FROM free_slot WHERE pool = 'moved'"));
        allocate("moved", "new", 2).then().statusCode(201).body("backendPort", equalTo(41004)).body("frontendPort",
                equalTo(41104));
        allocate("moved", "new", 3).then().statusCode(201).body("backendPort", equalTo(41008));
    }
}
