package dev.portalloc.devdb;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Starts the embedded database at most once per JVM: SmallRye calls config source factories several times (build-time
 * and runtime configuration, every hot reload and every restart between test profiles).
 */
final class EmbeddedDatabaseHolder {

    private static Map<String, String> datasource;

    private EmbeddedDatabaseHolder() {
    }

    @SuppressWarnings("unchecked")
    static synchronized Map<String, String> start(String launcherClass) {
        if (datasource == null) {
            try {
                Class<?> type = Class.forName(launcherClass, true, Thread.currentThread().getContextClassLoader());
                datasource = ((Supplier<Map<String, String>>) type.getDeclaredConstructor().newInstance()).get();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL through " + launcherClass
                        + "; set quarkus.datasource.jdbc.url to use another database", e);
            }
        }
        return datasource;
    }
}
