package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.fixture;
import static dev.portalloc.legacy.Imports.rowsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The import at start. The profile empties the schema before start, so the import meets no rows of other test classes;
 * failures at start are tested in {@link StartupImportFailureTest}.
 */
@QuarkusTest
@TestProfile(StartupImportTest.ImportAtStart.class)
class StartupImportTest {

    @Inject
    TestDatabase database;

    @Inject
    StartupImport startupImport;

    public static class ImportAtStart implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portalloc.import.file", fixturePath("port_config.json").toString(),
                    "quarkus.flyway.clean-at-start", "true");
        }
    }

    @Test
    void startImportedFixtureAndRepeatChangesNothing() {
        // Checked before anything clears the table: these rows come from the import at start.
        assertEquals(rowsOf(fixture("port_config.json")), database.allocations().subList(0, 50));
        List<List<String>> before = database.rows("SELECT id, created_at FROM allocation ORDER BY id");

        ImportReport again = startupImport.importFile(fixturePath("port_config.json"), OnConflict.REJECT);

        assertEquals(0, again.imported());
        assertEquals(50, again.unchanged());
        assertEquals(before, database.rows("SELECT id, created_at FROM allocation ORDER BY id"));
    }

    static Path fixturePath(String name) {
        try {
            return Path.of(StartupImportTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
