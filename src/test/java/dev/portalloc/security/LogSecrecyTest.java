package dev.portalloc.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Searches the log of the test run for every token that a test profile configured or a test presented. Quarkus runs
 * plain JUnit classes such as this one after all {@code @QuarkusTest} classes, and the test profile writes the log to
 * {@code target/quarkus-test.log} (see {@code application.properties}), appending across the restarts that test
 * profiles cause.
 */
class LogSecrecyTest {

    static final Path LOG = Path.of("target", "quarkus-test.log");
    /** Logged at start while tokens are configured: shows that a test profile with tokens wrote to the log. */
    static final String TOKENS_ON = "Bearer token authentication is on";

    @Test
    void logContainsNoToken() throws IOException {
        // Moved aside first, pass or fail, so that the next run checks only its own lines.
        List<Path> logs = moveAside(logFiles());
        assumeTrue(containsLine(logs, TOKENS_ON), "no test with configured tokens ran before this one");

        List<String> tokens = new ArrayList<>(TokensConfigured.CONFIGURED);
        tokens.add(TokensConfigured.UNKNOWN_TOKEN);
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String token : tokens) {
                    assertFalse(lines.get(i).contains(token), "%s:%d contains a token".formatted(log, i + 1));
                }
            }
        }
    }

    private static List<Path> moveAside(List<Path> logs) throws IOException {
        List<Path> moved = new ArrayList<>();
        for (Path log : logs) {
            Path target = log.resolveSibling("checked-" + log.getFileName());
            moved.add(Files.move(log, target, StandardCopyOption.REPLACE_EXISTING));
        }
        return moved;
    }

    /** Lists the log and its rotated parts, {@code quarkus-test.log.1} and so on. */
    private static List<Path> logFiles() throws IOException {
        if (!Files.isDirectory(LOG.getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(LOG.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(LOG.getFileName().toString())).toList();
        }
    }

    private static boolean containsLine(List<Path> logs, String text) throws IOException {
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                if (lines.anyMatch(line -> line.contains(text))) {
                    return true;
                }
            }
        }
        return false;
    }
}
