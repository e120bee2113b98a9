package dev.portalloc.legacy;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an import did, or would do in a dry run. Each entry of the file counts once: imported with its own ports, unchanged
 * (the database or an earlier entry already holds exactly this), reassigned to another pair, or rejected with problems.
 */
@RegisterForReflection
public record ImportReport(int imported, int unchanged, int reassigned, int rejected, boolean dryRun,
        List<EntryProblem> problems, List<Reassignment> reassignments) {

    /** Returns true when the file was rejected, so nothing was written. */
    public boolean hasProblems() {
        return rejected > 0;
    }

    /**
     * A rule or conflict that keeps one entry from being imported; {@code index} counts from 0, {@code field} is as in the
     * file.
     */
    @RegisterForReflection
    public record EntryProblem(int index, String model, Integer appNumber, String field, String reason) {

        String sentence() {
            return "entry %d (model %s app %s) %s: %s".formatted(index, model, appNumber, field, reason);
        }
    }

    /** A key that holds another pair than the file gives it; the app must be redeployed on the new ports. */
    @RegisterForReflection
    public record Reassignment(String pool, String model, int appNumber, int oldBackendPort, int oldFrontendPort,
            int backendPort, int frontendPort) {
    }
}
