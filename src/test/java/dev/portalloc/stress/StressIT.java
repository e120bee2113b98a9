package dev.portalloc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.portalloc.stress.Exchange.Key;

/**
 * Stress harness: three replicas of the packaged service on one PostgreSQL, driven by concurrent clients, with failures
 * injected under load. The scenarios run in order on one cluster, and the last test checks the invariants over the
 * database and every exchange of every scenario. Run with {@code ./mvnw verify -Pstress}; {@code -Dstress.requests=N} sets
 * the size of the mixed load.
 */
@EnabledIfSystemProperty(named = "stress.jar", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StressIT {

    static StressSettings settings;
    static Cluster cluster;
    static AllocationClient client;

    @BeforeAll
    static void startDatabase() throws IOException {
        settings = StressSettings.fromSystemProperties();
        cluster = Cluster.create(settings);
        cluster.database().start();
        client = new AllocationClient(cluster.http());
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void replicasStartedTogetherMigrateOnce() throws Exception {
        long start = System.nanoTime();
        cluster.start(cluster.replicas());
        System.out.printf("[stress] replicas-start: %d replicas ready %d ms after a simultaneous start%n",
                cluster.replicas().size(), Duration.ofNanos(System.nanoTime() - start).toMillis());

        Set<String> shipped = shippedMigrationVersions();
        try (Connection connection = cluster.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, count(*), bool_and(success)"
                        + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
            Set<String> applied = new HashSet<>();
            while (rows.next()) {
                applied.add(rows.getString(1));
                assertEquals(1, rows.getInt(2), "history rows of migration " + rows.getString(1));
                assertTrue(rows.getBoolean(3), "migration " + rows.getString(1) + " succeeded");
            }
            assertEquals(shipped, applied);
        }
        long applying = cluster.replicas().stream().filter(replica -> logContains(replica, "Successfully applied")).count();
        long upToDate = cluster.replicas().stream().filter(replica -> logContains(replica, "No migration necessary")).count();
        assertEquals(1, applying, "replicas that applied migrations");
        assertEquals(Cluster.REPLICAS - 1, upToDate, "replicas that found the schema up to date");
    }

    @Test
    @Order(2)
    void concurrentCallsForOneKeyAgree() throws Exception {
        for (int round = 1; round <= 5; round++) {
            Key key = new Key("default", "race/one-key:round-" + round, round);
            List<Exchange> exchanges = concurrently(50,
                    caller -> client.allocate("one-key", cluster.replicas().get(caller % Cluster.REPLICAS), key));

            assertTrue(exchanges.stream().allMatch(exchange -> exchange.status() == 200 || exchange.status() == 201),
                    "all 200/201: " + Report.byStatus(exchanges));
            assertEquals(1, exchanges.stream().filter(exchange -> exchange.status() == 201).count(), "201 responses");
            assertEquals(1,
                    exchanges.stream().map(exchange -> exchange.backendPort() + "/" + exchange.frontendPort()).distinct()
                            .count(),
                    "distinct pairs in the responses");
            assertEquals(1, count("SELECT count(*) FROM allocation WHERE model = '" + key.model() + "'"), "rows of the key");
        }
    }

    @Test
    @Order(3)
    void lastFreeSlotHasOneWinner() throws Exception {
        for (int app = 1; app < Cluster.TINY_POOL_SLOTS; app++) {
            assertEquals(201, client.allocate("last-slot", cluster.anyServingReplica(),
                    new Key("tiny", "tiny-prefill", app)).status());
        }
        for (int round = 1; round <= 5; round++) {
            String model = "tiny-race/round-" + round;
            List<Exchange> exchanges = concurrently(10, caller -> client.allocate("last-slot",
                    cluster.replicas().get(caller % Cluster.REPLICAS), new Key("tiny", model, caller + 1)));

            List<Exchange> winners = exchanges.stream().filter(exchange -> exchange.status() == 201).toList();
            assertEquals(1, winners.size(), "winners: " + Report.byStatus(exchanges));
            assertTrue(exchanges.stream().filter(exchange -> exchange.status() != 201)
                    .allMatch(exchange -> exchange.status() == 409
                            && exchange.contentType().startsWith("application/problem+json")
                            && exchange.problemType().endsWith("pool-exhausted")),
                    "losers get 409 pool-exhausted");
            assertEquals(Cluster.TINY_POOL_SLOTS, count("SELECT count(*) FROM allocation WHERE pool = 'tiny'"));
            assertEquals(204, client.release("last-slot", cluster.anyServingReplica(), winners.get(0).key()).status());
        }
    }

    @Test
    @Order(4)
    void mixedLoadOverReplicas() throws Exception {
        int keys = Math.max(500, Math.min(5000, settings.requests() / 20));
        MixedLoad load = new MixedLoad(cluster, client, "mixed", keys);

        Duration elapsed = load.run(settings.clients(), settings.requests(), Duration.ofHours(1));

        Report.scenario("mixed", client.exchanges(), elapsed);
        List<Exchange> exchanges = exchangesOf("mixed");
        assertEquals(settings.requests(), exchanges.size());
        // A request may time out waiting for the pool's lock or a connection when the machine is overloaded; that is a
        // 503 with Retry-After, never another status.
        assertEquals(List.of(), exchanges.stream()
                .filter(exchange -> !Set.of(200, 201, 204, 404).contains(exchange.status()) && !isRetryable(exchange))
                .map(Exchange::describe).limit(10).toList(), "responses other than 200, 201, 204, 404 and 503");
    }

    @Test
    @Order(5)
    void lockedPoolFailsAfterLockTimeout() throws Exception {
        new LockScenario(settings, cluster, client).run();
    }

    @Test
    @Order(6)
    void killedReplicaLeavesOthersServing() throws Exception {
        new KillScenario(cluster, client).run();
    }

    @Test
    @Order(7)
    void databaseRestartFailsFastAndRecovers() throws Exception {
        new DatabaseOutageScenario(DatabaseOutageScenario.Kind.RESTART, settings, cluster, client).run();
    }

    @Test
    @Order(8)
    void frozenDatabaseFailsFastAndRecovers() throws Exception {
        new DatabaseOutageScenario(DatabaseOutageScenario.Kind.FREEZE, settings, cluster, client).run();
    }

    @Test
    @Order(9)
    void idleConnectionsSurviveQuietRestart() throws Exception {
        cluster.database().stop();
        cluster.database().start();
        for (Replica replica : cluster.replicas()) {
            replica.awaitReady(Duration.ofSeconds(60));
        }

        // Enough concurrent requests to borrow every pooled connection, and each of them died in the restart.
        List<Exchange> exchanges = concurrently(Cluster.REPLICAS * Cluster.MAX_POOL_SIZE,
                caller -> client.lookup("quiet-restart", cluster.replicas().get(caller % Cluster.REPLICAS),
                        new Key("default", "quiet-restart", caller + 1)));

        assertEquals(Map.of("404", (long) exchanges.size()), Report.byStatus(exchanges));
    }

    @Test
    @Order(10)
    void invariantsHoldOverEveryAnswer() throws SQLException {
        List<Exchange> exchanges = List.copyOf(client.exchanges());
        InvariantCheck.Findings findings;
        try (Connection connection = cluster.database().connect()) {
            findings = new InvariantCheck(exchanges).run(connection);
        }

        Report.totals(exchanges, findings);
        assertEquals(0, findings.duplicates(), "duplicates found");
        assertEquals(0, findings.lost(), "lost acknowledgements");
        assertEquals(List.of(), findings.changedPairs, "responses changing a key's pair without a release");
        assertEquals(List.of(), findings.heldPortMismatches, "allocations whose held_port rows do not match");
        assertEquals(List.of(), findings.wrongKeyResponses, "responses naming another key");
        assertEquals(0, exchanges.stream().filter(exchange -> exchange.status() == 500).count(), "500 responses");
    }

    /** Runs one request per caller, all released at the same moment. */
    private static List<Exchange> concurrently(int callers, IntFunction<Exchange> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Exchange>> calls = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int index = caller;
                calls.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Exchange> exchanges = new ArrayList<>();
            for (Future<Exchange> call : calls) {
                exchanges.add(call.get());
            }
            return exchanges;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isRetryable(Exchange exchange) {
        return exchange.status() == 503 && "1".equals(exchange.retryAfter())
                && exchange.contentType().startsWith("application/problem+json");
    }

    static List<Exchange> exchangesOf(String scenario) {
        return client.exchanges().stream().filter(exchange -> exchange.scenario().equals(scenario)).toList();
    }

    static long count(String sql) throws SQLException {
        try (Connection connection = cluster.database().connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Set<String> shippedMigrationVersions() throws IOException {
        Path directory = Path.of(System.getProperty("stress.migrations"));
        try (var files = Files.list(directory)) {
            Set<String> versions = new HashSet<>();
            files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V[0-9_.]+__.*\\.sql"))
                    .forEach(name -> versions.add(name.substring(1, name.indexOf("__")).replace('_', '.')));
            return versions;
        }
    }

    private static boolean logContains(Replica replica, String text) {
        try (var lines = Files.lines(replica.log())) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + replica.log(), e);
        }
    }
}
