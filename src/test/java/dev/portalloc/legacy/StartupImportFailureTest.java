package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.allocate;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portalloc.legacy.StartupImport.LegacyImportFailedException;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;

/** The checks of the import at start, called directly, as a failed start cannot be observed from inside a test. */
@QuarkusTest
class StartupImportFailureTest {

    @Inject
    TestDatabase database;

    @Inject
    StartupImport startupImport;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void rejectedFileStopsWithEveryProblem() {
        LegacyImportFailedException failure = assertThrows(LegacyImportFailedException.class,
                () -> startupImport.importFile(StartupImportTest.fixturePath("port_config_pre_fix.json"), OnConflict.REJECT));

        assertTrue(failure.getMessage().contains("12 of 15 entries are invalid or conflict"), failure.getMessage());
        for (int index = 3; index < 15; index++) {
            assertTrue(failure.getMessage().contains("entry " + index + " (model "), "entry " + index + " not named");
        }
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void malformedFileStopsNamingPosition(@TempDir Path directory) throws IOException {
        Path truncated = directory.resolve("port_config.json");
        Files.writeString(truncated, "[{\"model\":\"m\",\"app_number\":1,\"backend_port\":6001,\"frontend_port\":9001},"
                + " {\"model\":\"n\",\"app_number\":\"2\"}]");

        LegacyImportFailedException failure = assertThrows(LegacyImportFailedException.class,
                () -> startupImport.importFile(truncated, OnConflict.REJECT));

        assertEquals("portalloc.import.file " + truncated + " is malformed, so nothing was imported: entry 1 field"
                + " app_number must be a JSON integer, but is the string \"2\"", failure.getMessage());
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void missingFileStopsStart() {
        LegacyImportFailedException failure = assertThrows(LegacyImportFailedException.class,
                () -> startupImport.importFile(Path.of("no-such-dir", "port_config.json"), OnConflict.REJECT));

        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
    }

    @Test
    void reassignModeAtStartGivesFreshPairs() {
        ImportReport report = startupImport.importFile(StartupImportTest.fixturePath("port_config_pre_fix.json"),
                OnConflict.REASSIGN);

        assertEquals(3, report.imported());
        assertEquals(12, report.reassigned());
        allocate("after", 1).then().statusCode(201).body("backendPort", equalTo(5031));
    }
}
