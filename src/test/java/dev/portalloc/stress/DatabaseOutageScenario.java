package dev.portalloc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PostgreSQL goes away under load: either restarted for {@link StressSettings#restartOutage()} (sessions are terminated,
 * connections refused) or frozen with SIGSTOP for {@link StressSettings#freezeOutage()} (sockets stay open, nothing responds).
 * Requests meanwhile must fail within
 * {@link StressSettings#failureBound()} with 503 problem+json and Retry-After, never 500 and never hang; readiness must
 * go down and come back; and requests succeed again once the database is back.
 */
final class DatabaseOutageScenario {

    enum Kind {
        RESTART,
        FREEZE
    }

    private static final int CLIENTS = 32;
    private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(5);
    private static final Duration AFTER_OUTAGE = Duration.ofSeconds(15);
    /** How long after the database is back a request may still fail: the pools replace their dead connections first. */
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    private final Kind kind;
    private final String name;
    private final StressSettings settings;
    private final Duration outage;
    private final Cluster cluster;
    private final AllocationClient client;

    DatabaseOutageScenario(Kind kind, StressSettings settings, Cluster cluster, AllocationClient client) {
        this.kind = kind;
        this.name = kind.name().toLowerCase();
        this.settings = settings;
        this.outage = kind == Kind.RESTART ? settings.restartOutage() : settings.freezeOutage();
        this.cluster = cluster;
        this.client = client;
    }

    void run() throws Exception {
        MixedLoad load = new MixedLoad(cluster, client, name, 600);
        ExecutorService background = Executors.newSingleThreadExecutor();
        long outageStart;
        long outageEnd;
        Duration elapsed;
        try (ReadinessWatch readiness = new ReadinessWatch(cluster.replicas())) {
            Future<Duration> running = background.submit(() -> load.run(CLIENTS, Long.MAX_VALUE,
                    BEFORE_OUTAGE.plus(outage).plus(AFTER_OUTAGE)));
            Thread.sleep(BEFORE_OUTAGE.toMillis());
            outageStart = System.nanoTime();
            begin();
            Thread.sleep(outage.toMillis());
            end();
            outageEnd = System.nanoTime();
            elapsed = running.get();
            checkReadiness(readiness, outageStart, outageEnd);
        } finally {
            background.shutdownNow();
        }
        checkResponses(outageStart, outageEnd, elapsed);
    }

    private void begin() throws Exception {
        if (kind == Kind.RESTART) {
            cluster.database().stop();
        } else {
            cluster.database().freeze();
        }
    }

    private void end() throws Exception {
        if (kind == Kind.RESTART) {
            cluster.database().start();
        } else {
            cluster.database().thaw();
        }
    }

    private void checkReadiness(ReadinessWatch readiness, long outageStart, long outageEnd) {
        long now = System.nanoTime();
        for (Replica replica : cluster.replicas()) {
            List<ReadinessWatch.Reading> during = readiness.readings(replica, outageStart, outageEnd);
            List<ReadinessWatch.Reading> after = readiness.readings(replica, outageEnd, now);
            assertTrue(during.stream().anyMatch(reading -> reading.status() != 200),
                    "replica " + replica.index() + " reported not ready during the outage");
            assertFalse(after.isEmpty(), "readings of replica " + replica.index() + " after the outage");
            assertEquals(200, after.get(after.size() - 1).status(), "replica " + replica.index() + " ready again");
            long readyAgain = after.stream().filter(reading -> reading.status() == 200).findFirst()
                    .map(reading -> reading.nanos() - outageEnd).orElseThrow();
            System.out.printf("[stress] %s: replica %d ready %d ms after the database was back%n", name, replica.index(),
                    Duration.ofNanos(readyAgain).toMillis());
        }
    }

    private void checkResponses(long outageStart, long outageEnd, Duration elapsed) {
        List<Exchange> exchanges = StressIT.exchangesOf(name);
        Report.scenario(name, exchanges, elapsed);
        List<Exchange> failed = exchanges.stream().filter(exchange -> exchange.status() == 503).toList();
        System.out.printf("[stress] %s: %d responses 503 during a %d s outage, slowest %d ms%n", name, failed.size(),
                outage.toSeconds(),
                failed.stream().mapToLong(exchange -> exchange.duration().toMillis()).max().orElse(0));
        assertFalse(failed.isEmpty(), "the outage was seen as 503");
        for (Exchange exchange : exchanges) {
            assertTrue(exchange.status() == 503 || !exchange.isServerError(), exchange.describe());
            assertTrue(exchange.status() != Exchange.NO_RESPONSE, "no response within "
                    + AllocationClient.REQUEST_TIMEOUT.toSeconds() + " s: " + exchange.describe());
        }
        for (Exchange exchange : failed) {
            assertTrue(exchange.duration().compareTo(settings.failureBound()) <= 0, "failed slower than the bound: "
                    + exchange.describe());
            assertTrue(exchange.contentType().startsWith("application/problem+json"), exchange.describe());
            assertEquals("1", exchange.retryAfter(), exchange.describe());
            assertTrue(exchange.overlaps(outageStart, outageEnd + RECOVERY.toNanos()), "503 outside the outage: "
                    + exchange.describe());
        }
        long servedAfter = exchanges.stream()
                .filter(exchange -> exchange.startNanos() > outageEnd && !exchange.isServerError()).count();
        assertTrue(servedAfter > 0, "requests served after the outage");
    }
}
