package dev.portalloc.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * SIGTERM to the packaged application while a request waits for a pool's lock, which a test connection holds: the
 * request finishes within {@code quarkus.shutdown.timeout}, and one cut off by the timeout leaves nothing behind.
 */
class GracefulShutdownPackageIT {

    private static final String APPLICATION_NAME = "port-allocator";

    private static EmbeddedPostgres postgres;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void clearDatabase() throws SQLException {
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }

    @Test
    void inFlightRequestFinishesAfterSigterm() throws Exception {
        try (PackagedApplication application = PackagedApplication.start("shutdown-in-flight", settings(Map.of()));
                Connection lock = lockDefaultPool()) {
            CompletableFuture<HttpResponse<String>> response = allocate(application, "in-flight");
            awaitRequestWaitingForLock();

            application.terminate();
            Thread.sleep(1_000);
            boolean aliveWhileRequestWaits = application.isAlive();
            lock.commit();

            assertTrue(aliveWhileRequestWaits, "stopped before the request in flight finished");
            assertEquals(201, response.get(30, TimeUnit.SECONDS).statusCode(), application.log());
            assertTrue(application.awaitExit(Duration.ofSeconds(30)), "still running after the request finished");
            assertEquals(1, count("SELECT count(*) FROM allocation WHERE model = 'in-flight'"));
        }
    }

    @Test
    void requestCutAtTimeoutLeavesNothing() throws Exception {
        Map<String, String> shortTimeout = settings(Map.of("QUARKUS_SHUTDOWN_TIMEOUT", "2S"));
        try (PackagedApplication application = PackagedApplication.start("shutdown-timeout", shortTimeout);
                Connection lock = lockDefaultPool()) {
            CompletableFuture<HttpResponse<String>> response = allocate(application, "cut-off");
            awaitRequestWaitingForLock();

            application.terminate();
            boolean exited = application.awaitExit(Duration.ofSeconds(30));
            lock.commit();

            assertTrue(exited, "still running 30 s after SIGTERM with a 2 s shutdown timeout");
            ExecutionException failure = assertThrows(ExecutionException.class, () -> response.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IOException, failure.toString());
            awaitApplicationSessionsClosed();
            assertEquals(0, count("SELECT count(*) FROM allocation"));
        }
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        // The application name tells the application's sessions from the test's in pg_stat_activity.
        settings.put("QUARKUS_DATASOURCE_JDBC_URL",
                postgres.getJdbcUrl("postgres", "postgres") + "&ApplicationName=" + APPLICATION_NAME);
        settings.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        settings.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        settings.put("PORTALLOC_LOCK_TIMEOUT", "60S");
        return settings;
    }

    private CompletableFuture<HttpResponse<String>> allocate(PackagedApplication application, String model) {
        HttpRequest request = HttpRequest.newBuilder(application.uri("/api/v1/allocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + model + "\", \"appNumber\": 1}"))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Holds the default pool's row lock in an open transaction, as a long allocation in another replica would. */
    private static Connection lockDefaultPool() throws SQLException {
        execute("INSERT INTO port_pool (name) VALUES ('default')");
        Connection connection = postgres.getPostgresDatabase().getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT name FROM port_pool WHERE name = 'default' FOR UPDATE");
        }
        return connection;
    }

    private static void awaitRequestWaitingForLock() throws SQLException, InterruptedException {
        awaitCount("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION_NAME
                + "' AND wait_event_type = 'Lock'", 1);
    }

    /** Waits until PostgreSQL has closed the session of the stopped application, which rolls its transaction back. */
    private static void awaitApplicationSessionsClosed() throws SQLException, InterruptedException {
        awaitCount("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION_NAME + "'", 0);
    }

    private static void awaitCount(String sql, long expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(sql) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not " + expected + " after 30 s: " + sql);
            }
            Thread.sleep(50);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
