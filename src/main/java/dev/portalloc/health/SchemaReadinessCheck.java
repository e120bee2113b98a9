package dev.portalloc.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready means the database answers and its schema has every migration this build ships. The datasource check of Quarkus
 * covers the connection; this one reads Flyway's schema history.
 */
@Readiness
@ApplicationScoped
class SchemaReadinessCheck implements HealthCheck {

    private final Flyway flyway;

    SchemaReadinessCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("Database schema");
        try {
            var info = flyway.info();
            MigrationInfo current = info.current();
            int pending = info.pending().length;
            builder.withData("version", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pendingMigrations", pending);
            return builder.status(current != null && pending == 0).build();
        } catch (RuntimeException e) {
            return builder.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
