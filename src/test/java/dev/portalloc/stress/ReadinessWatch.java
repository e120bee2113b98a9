package dev.portalloc.stress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Polls {@code /q/health/ready} of every replica four times a second and keeps each reading. Each replica has a thread of
 * its own, so a probe that waits for a frozen database delays no other replica's readings.
 */
final class ReadinessWatch implements AutoCloseable {

    /** One reading of one replica; status {@link Exchange#NO_RESPONSE} when the replica did not respond. */
    record Reading(int replica, long nanos, int status) {
    }

    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private final List<Thread> threads;
    private volatile boolean running = true;

    ReadinessWatch(List<Replica> replicas) {
        this.threads = replicas.stream().map(replica -> new Thread(() -> poll(replica), "readiness-" + replica.index()))
                .toList();
        threads.forEach(Thread::start);
    }

    /** Returns the readings of one replica whose probe started within [fromNanos, toNanos]. */
    List<Reading> readings(Replica replica, long fromNanos, long toNanos) {
        return readings.stream()
                .filter(reading -> reading.replica() == replica.index() && reading.nanos() >= fromNanos
                        && reading.nanos() <= toNanos)
                .toList();
    }

    private void poll(Replica replica) {
        try {
            while (running) {
                long start = System.nanoTime();
                readings.add(new Reading(replica.index(), start, replica.readinessStatus()));
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join();
        }
    }
}
