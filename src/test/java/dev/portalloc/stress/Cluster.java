package dev.portalloc.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The system under test: one PostgreSQL server and three replicas of the packaged service, all on free loopback ports.
 * Besides the default pool the replicas get two pools that requests reach by model name: {@code load} (10,000 slots,
 * models {@code load-*}) and {@code tiny} (3 slots, models {@code tiny-*}).
 */
final class Cluster implements AutoCloseable {

    static final int REPLICAS = 3;
    /** Connections per replica; passed to the replicas so the connection count check matches what they run with. */
    static final int MAX_POOL_SIZE = 20;
    static final int TINY_POOL_SLOTS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final StressSettings settings;
    private final PostgresServer database;
    private final List<Replica> replicas = new ArrayList<>();
    private final HttpClient http;

    private Cluster(StressSettings settings, PostgresServer database, HttpClient http) {
        this.settings = settings;
        this.database = database;
        this.http = http;
    }

    /** Prepares an empty data directory and picks ports; starts nothing. */
    static Cluster create(StressSettings settings) throws IOException {
        Path work = settings.workDirectory().toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Cluster cluster = new Cluster(settings, new PostgresServer(work.resolve("pgdata"), freePort()), http);
        for (int i = 0; i < REPLICAS; i++) {
            cluster.replicas.add(new Replica(i, freePort(), work.resolve("replica-" + i + ".log"), http));
        }
        return cluster;
    }

    PostgresServer database() {
        return database;
    }

    List<Replica> replicas() {
        return replicas;
    }

    HttpClient http() {
        return http;
    }

    /** Picks a random replica among those serving, as a load balancer without session affinity would. */
    Replica anyServingReplica() {
        List<Replica> serving = replicas.stream().filter(Replica::serving).toList();
        if (serving.isEmpty()) {
            throw new IllegalStateException("no replica is serving");
        }
        return serving.get(ThreadLocalRandom.current().nextInt(serving.size()));
    }

    /** Starts the given replicas at the same moment, then waits until each is ready. */
    void start(List<Replica> starting) throws IOException, InterruptedException {
        for (Replica replica : starting) {
            replica.start(command(), environment());
        }
        for (Replica replica : starting) {
            replica.awaitReady(START_TIMEOUT);
        }
    }

    private List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dportalloc.lock-timeout=" + settings.lockTimeout().toSeconds() + "S",
                "-Dportalloc.pools.load.backend-start=20000",
                "-Dportalloc.pools.load.backend-end=29999",
                "-Dportalloc.pools.load.frontend-start=30000",
                "-Dportalloc.pools.load.frontend-end=39999",
                "-Dportalloc.pools.load.models=load-.*",
                "-Dportalloc.pools.tiny.backend-start=41001",
                "-Dportalloc.pools.tiny.backend-end=" + (41000 + TINY_POOL_SLOTS),
                "-Dportalloc.pools.tiny.frontend-start=41101",
                "-Dportalloc.pools.tiny.frontend-end=" + (41100 + TINY_POOL_SLOTS),
                "-Dportalloc.pools.tiny.models=tiny-.*",
                "-jar", settings.jar().toAbsolutePath().toString());
    }

    private Map<String, String> environment() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.user(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", Integer.toString(MAX_POOL_SIZE));
    }

    /** Stops every replica, then the database; the data directory stays for inspection. */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Replica replica : replicas) {
            replica.stop();
        }
        database.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
