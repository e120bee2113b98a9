package dev.portalloc.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints an import report as counts, then tables of problems and reassignments. */
final class ImportReportPrinter {

    private ImportReportPrinter() {
    }

    static void print(JsonNode report, PrintWriter out) {
        String prefix = report.path("dryRun").asBoolean() ? "Dry run, nothing written: would import" : "Imported";
        out.printf("%s %d, unchanged %d, reassigned %d, rejected %d.%n", prefix, report.path("imported").asLong(),
                report.path("unchanged").asLong(), report.path("reassigned").asLong(), report.path("rejected").asLong());
        if (!report.path("problems").isEmpty()) {
            out.println();
            out.println("Problems:");
            Table problems = new Table("INDEX", "MODEL", "APP", "FIELD", "REASON");
            for (JsonNode problem : report.path("problems")) {
                problems.row(Table.cell(problem.get("index")), Table.cell(problem.get("model")),
                        Table.cell(problem.get("appNumber")), Table.cell(problem.get("field")),
                        Table.cell(problem.get("reason")));
            }
            problems.print(out);
        }
        if (!report.path("reassignments").isEmpty()) {
            out.println();
            out.println("Reassignments:");
            Table moves = new Table("POOL", "MODEL", "APP", "OLD PAIR", "NEW PAIR");
            for (JsonNode move : report.path("reassignments")) {
                moves.row(Table.cell(move.get("pool")), Table.cell(move.get("model")), Table.cell(move.get("appNumber")),
                        pair(move, "oldBackendPort", "oldFrontendPort"), pair(move, "backendPort", "frontendPort"));
            }
            moves.print(out);
        }
    }

    private static String pair(JsonNode move, String backend, String frontend) {
        return move.path(backend).asText("-") + "/" + move.path(frontend).asText("-");
    }
}
