package dev.portalloc.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Imports {@code portalloc.import.file} once at every start. A repeated import of the same file changes nothing, so this is
 * safe on every replica and every restart. A file that is missing, malformed or rejected stops the start, because the old
 * system logged and ignored a malformed file and then ran without the pairs it contained.
 */
@ApplicationScoped
class StartupImport {

    private final LegacyImportConfig config;
    private final LegacyFileReader reader;
    private final LegacyImporter importer;

    StartupImport(LegacyImportConfig config, LegacyFileReader reader, LegacyImporter importer) {
        this.config = config;
        this.reader = reader;
        this.importer = importer;
    }

    void onStart(@Observes StartupEvent event) {
        config.file().ifPresent(file -> importFile(file, config.onConflict()));
    }

    /**
     * Imports the file, or throws with a message that lists every problem.
     *
     * @throws LegacyImportFailedException when the file cannot be read, is malformed or is rejected
     */
    ImportReport importFile(Path file, OnConflict onConflict) {
        List<LegacyEntry> entries = readEntries(file);
        ImportReport report = importer.importEntries(entries, onConflict, false, file.toString());
        if (report.hasProblems()) {
            String problems = report.problems().stream()
                    .map(problem -> "  " + problem.sentence())
                    .collect(Collectors.joining("\n"));
            throw new LegacyImportFailedException(("portalloc.import.file %s was rejected, so nothing was imported:"
                    + " %d of %d entries are invalid or conflict. Fix the file, or set"
                    + " portalloc.import.on-conflict=reassign to give contenders fresh pairs. Problems:%n%s")
                    .formatted(file, report.rejected(), entries.size(), problems));
        }
        return report;
    }

    private List<LegacyEntry> readEntries(Path file) {
        try (InputStream input = Files.newInputStream(file)) {
            return reader.read(input);
        } catch (NoSuchFileException e) {
            throw new LegacyImportFailedException("portalloc.import.file %s does not exist; correct the path or unset it"
                    .formatted(file));
        } catch (IOException | UncheckedIOException e) {
            throw new LegacyImportFailedException("portalloc.import.file %s cannot be read: %s".formatted(file, e), e);
        } catch (MalformedFileException e) {
            throw new LegacyImportFailedException("portalloc.import.file %s is malformed, so nothing was imported: %s"
                    .formatted(file, e.getMessage()), e);
        }
    }

    /** The import at start failed; the service does not start. */
    static class LegacyImportFailedException extends RuntimeException {

        LegacyImportFailedException(String message) {
            super(message);
        }

        LegacyImportFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
