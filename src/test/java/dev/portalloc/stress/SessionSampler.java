package dev.portalloc.stress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples {@code pg_stat_activity} on its own connection every half second, to show whether the replicas' sessions pile
 * up while a pool's row is locked.
 */
final class SessionSampler implements AutoCloseable {

    /** One reading: client sessions, sessions waiting for a lock, sessions idle inside a transaction. */
    record Sample(long nanos, int clientSessions, int lockWaiters, int idleInTransaction) {
    }

    private final Connection connection;
    private final int ignoredPid;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Counts every session except this sampler's and the one with {@code ignoredPid}, the lock holder's. */
    SessionSampler(Connection connection, int ignoredPid) {
        this.connection = connection;
        this.ignoredPid = ignoredPid;
        this.thread = new Thread(this::loop, "session-sampler");
        thread.start();
    }

    List<Sample> samples() {
        return samples;
    }

    Sample sampleNow() throws SQLException {
        String sql = """
                SELECT count(*) FILTER (WHERE backend_type = 'client backend'),
                       count(*) FILTER (WHERE wait_event_type = 'Lock'),
                       count(*) FILTER (WHERE state = 'idle in transaction')
                FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND pid <> %d""".formatted(ignoredPid);
        synchronized (connection) {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return new Sample(System.nanoTime(), row.getInt(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                samples.add(sampleNow());
                Thread.sleep(500);
            } catch (SQLException e) {
                throw new IllegalStateException("sampling pg_stat_activity failed", e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
