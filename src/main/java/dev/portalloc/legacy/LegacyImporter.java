package dev.portalloc.legacy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.portalloc.legacy.ImportReport.Reassignment;
import io.quarkus.logging.Log;

/**
 * Imports the entries of the old system's {@code port_config.json}: the one path behind the REST endpoint and the import
 * at start. It logs each import once its transaction has ended, so the log never claims a write that was rolled back.
 */
@ApplicationScoped
public class LegacyImporter {

    private final ImportTransaction transaction;

    LegacyImporter(ImportTransaction transaction) {
        this.transaction = transaction;
    }

    /**
     * Validates every entry, then imports them all unless an entry is invalid or, with {@link OnConflict#REJECT},
     * conflicts; then nothing is written and the report lists every problem. A dry run writes nothing either way.
     *
     * @param source where the entries come from, for the log
     * @throws dev.portalloc.pool.PoolExhaustedException when a pool has no free slot left for a reassigned key
     */
    public ImportReport importEntries(List<LegacyEntry> entries, OnConflict onConflict, boolean dryRun, String source) {
        ImportReport report = transaction.run(entries, onConflict, dryRun);
        if (report.hasProblems()) {
            Log.infof("Import from %s rejected, nothing written: %d of %d entries have problems (%d problems),"
                    + " unchanged=%d dryRun=%b; first problem: %s", source, report.rejected(), entries.size(),
                    report.problems().size(), report.unchanged(), report.dryRun(), report.problems().get(0).sentence());
            return report;
        }
        for (Reassignment moved : report.reassignments()) {
            Log.infof("Import %s pool=%s model=%s appNumber=%d oldBackendPort=%d oldFrontendPort=%d backendPort=%d"
                    + " frontendPort=%d", report.dryRun() ? "would reassign" : "reassigned", moved.pool(), moved.model(),
                    moved.appNumber(), moved.oldBackendPort(), moved.oldFrontendPort(), moved.backendPort(),
                    moved.frontendPort());
        }
        Log.infof("Import from %s %s: imported=%d unchanged=%d reassigned=%d onConflict=%s", source,
                report.dryRun() ? "checked in a dry run, nothing written" : "committed", report.imported(),
                report.unchanged(), report.reassigned(), onConflict);
        return report;
    }
}
