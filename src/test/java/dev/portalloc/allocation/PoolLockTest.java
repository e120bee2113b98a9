package dev.portalloc.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** Shows that a new allocation really takes the pool row's lock, not just that answers look serialized. */
@QuarkusTest
class PoolLockTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void createPool() {
        database.clear();
        GetOrAllocateTest.allocate("first", 1).then().statusCode(201);
    }

    @Test
    void allocationWaitsForLockHeldElsewhere() throws Exception {
        try (Connection outside = database.connection(); Statement statement = outside.createStatement()) {
            outside.setAutoCommit(false);
            statement.execute("SELECT * FROM port_pool WHERE name = 'default' FOR UPDATE");

            CompletableFuture<Integer> waiting = CompletableFuture
                    .supplyAsync(() -> GetOrAllocateTest.allocate("second", 1).statusCode());
            Thread.sleep(1500);
            assertFalse(waiting.isDone(), "allocation finished while another session held the pool's lock");
            assertEquals(1, database.count("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    + " WHERE NOT l.granted AND a.query LIKE '%port_pool%'"));

            outside.commit();
            assertEquals(201, waiting.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void existingKeyDoesNotWaitForLock() throws Exception {
        try (Connection outside = database.connection(); Statement statement = outside.createStatement()) {
            outside.setAutoCommit(false);
            statement.execute("SELECT * FROM port_pool WHERE name = 'default' FOR UPDATE");

            int status = CompletableFuture.supplyAsync(() -> GetOrAllocateTest.allocate("first", 1).statusCode())
                    .get(3, TimeUnit.SECONDS);

            assertEquals(200, status);
            outside.rollback();
        }
    }
}
