package dev.portalloc.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One replica is killed with SIGKILL under load. Requests in flight on it get no response, and the other replicas keep
 * responding to every request. The killed replica is started again afterwards for the scenarios that follow.
 */
final class KillScenario {

    private static final String NAME = "kill";
    private static final int CLIENTS = 32;
    private static final Duration BEFORE_KILL = Duration.ofSeconds(5);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final Cluster cluster;
    private final AllocationClient client;

    KillScenario(Cluster cluster, AllocationClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    void run() throws Exception {
        MixedLoad load = new MixedLoad(cluster, client, NAME, 600);
        Replica victim = cluster.replicas().get(cluster.replicas().size() - 1);
        ExecutorService background = Executors.newSingleThreadExecutor();
        long killedAt;
        long killDone;
        Duration elapsed;
        try {
            Future<Duration> running = background.submit(() -> load.run(CLIENTS, Long.MAX_VALUE,
                    BEFORE_KILL.plus(AFTER_KILL)));
            Thread.sleep(BEFORE_KILL.toMillis());
            killedAt = System.nanoTime();
            victim.kill();
            killDone = System.nanoTime();
            elapsed = running.get();
        } finally {
            background.shutdownNow();
        }
        List<Exchange> exchanges = StressIT.exchangesOf(NAME);
        Report.scenario(NAME, exchanges, elapsed);
        System.out.printf("[stress] kill: %d requests in flight on replica %d got no response%n",
                exchanges.stream().filter(exchange -> exchange.status() == Exchange.NO_RESPONSE).count(), victim.index());

        for (Exchange exchange : exchanges) {
            assertTrue(!exchange.isServerError(), exchange.describe());
            if (exchange.status() == Exchange.NO_RESPONSE) {
                assertEquals(victim.index(), exchange.replica(), exchange.describe());
                assertTrue(exchange.startNanos() <= killDone, "started after the kill: " + exchange.describe());
            }
        }
        long servedAfterKill = exchanges.stream()
                .filter(exchange -> exchange.replica() != victim.index() && exchange.startNanos() > killDone).count();
        assertTrue(servedAfterKill > 0, "requests the other replicas served after the kill");
        long servedBeforeKill = exchanges.stream()
                .filter(exchange -> exchange.replica() == victim.index() && exchange.endNanos() < killedAt).count();
        assertTrue(servedBeforeKill > 0, "requests the killed replica served before the kill");

        cluster.start(List.of(victim));
    }
}
