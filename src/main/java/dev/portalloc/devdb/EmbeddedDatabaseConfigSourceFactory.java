package dev.portalloc.devdb;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource of dev mode and tests when none is configured, from an embedded PostgreSQL started on first use.
 * The launcher is named in configuration ({@code embedded-postgres.launcher}, set only in the dev and test
 * profiles) and loaded by name, so the production build and the native image never reference the embedded database,
 * whose binaries are not packaged.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String LAUNCHER_KEY = "embedded-postgres.launcher";
    private static final String URL_KEY = "quarkus.datasource.jdbc.url";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue launcher = context.getValue(LAUNCHER_KEY);
        ConfigValue url = context.getValue(URL_KEY);
        if (launcher == null || launcher.getValue() == null || (url != null && url.getValue() != null)) {
            return List.of();
        }
        Map<String, String> datasource = EmbeddedDatabaseHolder.start(launcher.getValue());
        return List.of(new PropertiesConfigSource(datasource, "embedded PostgreSQL", ORDINAL));
    }
}
