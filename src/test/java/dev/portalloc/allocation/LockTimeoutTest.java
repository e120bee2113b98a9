package dev.portalloc.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.pool.AllocatorConfig;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A request that queues for a pool's lock behind another waiter still fails once the lock timeout has passed. */
@QuarkusTest
class LockTimeoutTest {

    @Inject
    TestDatabase database;

    @Inject
    AllocatorConfig config;

    @BeforeEach
    void createPool() {
        database.clear();
        GetOrAllocateTest.allocate("first", 1).then().statusCode(201);
    }

    @Test
    void queuedWaiterFailsAfterLockTimeout() throws Exception {
        Duration timeout = config.lockTimeout();
        try (Connection outside = database.connection(); Statement statement = outside.createStatement()) {
            outside.setAutoCommit(false);
            statement.execute("SELECT * FROM port_pool WHERE name = 'default' FOR UPDATE");

            CompletableFuture<TimedResponse> firstWaiter = CompletableFuture.supplyAsync(() -> timedAllocate("a"));
            Thread.sleep(timeout.toMillis() / 2);
            // This request queues behind the first waiter. With lock_timeout alone it would start a second full
            // timeout when the first waiter gives up, so it would fail after 1.5 timeouts.
            TimedResponse queued = timedAllocate("b");
            TimedResponse first = firstWaiter.get();
            outside.rollback();

            for (TimedResponse waiter : new TimedResponse[] { first, queued }) {
                assertEquals(503, waiter.response().statusCode());
                assertEquals("1", waiter.response().header("Retry-After"));
                assertEquals("urn:port-allocator:problem:lock-timeout", waiter.response().jsonPath().getString("type"));
            }
            assertTrue(queued.elapsed().compareTo(timeout.minusMillis(200)) >= 0, "waited " + queued.elapsed());
            assertTrue(queued.elapsed().compareTo(timeout.multipliedBy(13).dividedBy(10)) < 0, "waited " + queued.elapsed());
        }
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    private static TimedResponse timedAllocate(String model) {
        long start = System.nanoTime();
        Response response = GetOrAllocateTest.allocate(model, 1);
        return new TimedResponse(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private record TimedResponse(Response response, Duration elapsed) {
    }
}
