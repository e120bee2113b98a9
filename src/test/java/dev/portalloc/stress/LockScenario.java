package dev.portalloc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.portalloc.stress.Exchange.Key;
import dev.portalloc.stress.Exchange.Operation;

/**
 * An outside session locks the default pool's row for {@link StressSettings#lockHold()}. New allocations must fail with
 * 503 lock-timeout and Retry-After once the configured lock timeout has passed, without piling up database sessions.
 * Keys that already hold a pair still get it, and allocations succeed as soon as the lock is released.
 */
final class LockScenario {

    private static final String NAME = "lock";
    private static final int CLIENTS = 12;
    /** Slack for scheduling and the round trips around the lock wait. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final StressSettings settings;
    private final Cluster cluster;
    private final AllocationClient client;
    private volatile boolean locked = true;

    LockScenario(StressSettings settings, Cluster cluster, AllocationClient client) {
        this.settings = settings;
        this.cluster = cluster;
        this.client = client;
    }

    void run() throws Exception {
        Key existing = new Key("default", "lock/existing", 1);
        assertTrue(client.allocate(NAME, cluster.anyServingReplica(), existing).acknowledges());
        try (Connection holder = cluster.database().connect(); Connection sampling = cluster.database().connect()) {
            int holderPid = lockDefaultPool(holder);
            long lockedAt = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> clients = new ArrayList<>();
            long releasingAt;
            long releasedAt;
            SessionSampler.Sample afterRelease;
            try (SessionSampler sampler = new SessionSampler(sampling, holderPid)) {
                for (int i = 0; i < CLIENTS; i++) {
                    int clientIndex = i;
                    clients.add(pool.submit(() -> allocateNewKeys(clientIndex)));
                }
                clients.add(pool.submit(() -> repeatExisting(existing)));
                Thread.sleep(settings.lockHold().toMillis());
                // A request that ends between these two readings may have got the lock, so it counts as neither.
                releasingAt = System.nanoTime();
                holder.rollback();
                releasedAt = System.nanoTime();
                Exchange first = client.allocate(NAME, cluster.replicas().get(0), new Key("default", "lock/after", 1));
                locked = false;
                System.out.printf("[stress] lock: first allocation after the release: %d in %d ms%n", first.status(),
                        first.duration().toMillis());
                assertEquals(201, first.status(), "first allocation after the release");
                for (Future<?> running : clients) {
                    running.get();
                }
                Thread.sleep(1000);
                afterRelease = sampler.sampleNow();
                checkSessions(sampler.samples(), afterRelease);
            } finally {
                pool.shutdownNow();
            }
            checkResponses(lockedAt, releasingAt, releasedAt);
        }
    }

    private static int lockDefaultPool(Connection holder) throws Exception {
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid() FROM port_pool WHERE name = 'default'"
                        + " FOR NO KEY UPDATE")) {
            assertTrue(row.next(), "the default pool has its row");
            return row.getInt(1);
        }
    }

    private void allocateNewKeys(int clientIndex) {
        Replica replica = cluster.replicas().get(clientIndex % cluster.replicas().size());
        for (int app = 1; locked; app++) {
            client.allocate(NAME, replica, new Key("default", "lock/new-" + clientIndex, app));
        }
    }

    private void repeatExisting(Key existing) {
        while (locked) {
            client.lookup(NAME, cluster.anyServingReplica(), existing);
            client.allocate(NAME, cluster.anyServingReplica(), existing);
        }
    }

    private void checkSessions(List<SessionSampler.Sample> samples, SessionSampler.Sample afterRelease) {
        int maxSessions = samples.stream().mapToInt(SessionSampler.Sample::clientSessions).max().orElse(0);
        int maxWaiters = samples.stream().mapToInt(SessionSampler.Sample::lockWaiters).max().orElse(0);
        System.out.printf("[stress] lock: at most %d client sessions and %d lock waiters while locked; after the release"
                + " %d waiters, %d idle in transaction%n", maxSessions, maxWaiters, afterRelease.lockWaiters(),
                afterRelease.idleInTransaction());
        assertTrue(maxWaiters <= CLIENTS, "lock waiters " + maxWaiters + " exceed the " + CLIENTS + " clients");
        assertTrue(maxSessions <= Cluster.REPLICAS * Cluster.MAX_POOL_SIZE, "client sessions " + maxSessions);
        assertEquals(0, afterRelease.lockWaiters(), "lock waiters after the release");
        assertEquals(0, afterRelease.idleInTransaction(), "sessions idle in transaction after the release");
    }

    private void checkResponses(long lockedAt, long releasingAt, long releasedAt) {
        List<Exchange> exchanges = StressIT.exchangesOf(NAME);
        Report.scenario(NAME, exchanges, Duration.ofNanos(releasedAt - lockedAt));
        List<Exchange> blocked = exchanges.stream().filter(exchange -> exchange.key().model().startsWith("lock/new-")
                && exchange.startNanos() > lockedAt && exchange.endNanos() < releasingAt).toList();
        assertTrue(blocked.size() >= CLIENTS, "allocations that ended while the row was locked: " + blocked.size());
        for (Exchange exchange : blocked) {
            assertEquals(503, exchange.status(), exchange.describe());
            assertTrue(exchange.contentType().startsWith("application/problem+json"), exchange.describe());
            assertTrue(exchange.problemType().endsWith("lock-timeout"), exchange.describe());
            assertEquals("1", exchange.retryAfter(), exchange.describe());
            assertTrue(exchange.duration().compareTo(settings.lockTimeout().minusMillis(500)) >= 0, exchange.describe());
            assertTrue(exchange.duration().compareTo(settings.lockTimeout().plus(SLACK)) <= 0, exchange.describe());
        }
        exchanges.stream()
                .filter(exchange -> exchange.key().model().equals("lock/existing") && exchange.startNanos() > lockedAt)
                .forEach(exchange -> assertEquals(200, exchange.status(), exchange.describe()));
        exchanges.stream().filter(exchange -> exchange.operation() == Operation.ALLOCATE && exchange.startNanos() > releasedAt)
                .forEach(exchange -> assertTrue(exchange.acknowledges(), exchange.describe()));
    }
}
