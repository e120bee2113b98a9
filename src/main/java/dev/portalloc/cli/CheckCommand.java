package dev.portalloc.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the report of GET /api/v1/allocations/check; exits with 1 when it lists problems. */
@Command(name = "check", description = {
        "Check the stored allocations: ports held twice in a pool, pairs that are not a slot of their pool's layout,",
        "and pools that hold allocations but are no longer configured. Exits with 1 when it finds any." })
class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the API's JSON report.")
    boolean json;

    @Override
    public Integer call() {
        ServiceResponse response = common.client().get("/api/v1/allocations/check", Map.of());
        JsonNode report = response.requireSuccess();
        boolean clean = "clean".equals(report.path("status").asText());
        PrintWriter out = common.out();
        if (json) {
            out.println(response.body());
        } else if (clean) {
            out.println("No port conflicts were found, and every allocation is a slot of its configured pool.");
        } else {
            printProblems(report, out);
        }
        return clean ? ExitCodes.SUCCESS : ExitCodes.FOUND_PROBLEMS;
    }

    private static void printProblems(JsonNode report, PrintWriter out) {
        int conflicts = printConflicts(report.path("conflicts"), out);
        int outOfLayout = printOutOfLayout(report.path("outOfLayout"), out);
        int orphans = printUnknownPools(report.path("unknownPools"), out);
        out.printf("Found %s held more than once, %s outside their layout and %s in unconfigured pools.%n",
                Table.count(conflicts, "port"), Table.count(outOfLayout, "allocation"), Table.count(orphans, "allocation"));
    }

    private static int printConflicts(JsonNode conflicts, PrintWriter out) {
        Table table = new Table("POOL", "PORT", "MODEL", "APP", "ROLE", "BACKEND", "FRONTEND");
        for (JsonNode conflict : conflicts) {
            for (JsonNode holder : conflict.path("holders")) {
                table.row(Table.cell(conflict.get("pool")), Table.cell(conflict.get("port")), Table.cell(holder.get("model")),
                        Table.cell(holder.get("appNumber")), Table.cell(holder.get("role")),
                        Table.cell(holder.get("backendPort")), Table.cell(holder.get("frontendPort")));
            }
        }
        printSection("Ports held more than once in a pool:", table, out);
        return conflicts.size();
    }

    private static int printOutOfLayout(JsonNode allocations, PrintWriter out) {
        Table table = new Table("POOL", "MODEL", "APP", "BACKEND", "FRONTEND", "LAYOUT");
        for (JsonNode allocation : allocations) {
            JsonNode layout = allocation.path("layout");
            String layoutText = "backend %s, frontend %s, step %s".formatted(layout.path("backend").asText(),
                    layout.path("frontend").asText(), layout.path("step").asText());
            table.row(Table.cell(allocation.get("pool")), Table.cell(allocation.get("model")),
                    Table.cell(allocation.get("appNumber")), Table.cell(allocation.get("backendPort")),
                    Table.cell(allocation.get("frontendPort")), layoutText);
        }
        printSection("Allocations whose pair is not a slot of their pool's layout:", table, out);
        return allocations.size();
    }

    private static int printUnknownPools(JsonNode pools, PrintWriter out) {
        Table table = new Table("POOL", "MODEL", "APP", "BACKEND", "FRONTEND");
        int count = 0;
        for (JsonNode pool : pools) {
            for (JsonNode allocation : pool.path("allocations")) {
                table.row(Table.cell(pool.get("pool")), Table.cell(allocation.get("model")),
                        Table.cell(allocation.get("appNumber")), Table.cell(allocation.get("backendPort")),
                        Table.cell(allocation.get("frontendPort")));
                count++;
            }
        }
        printSection("Allocations in pools that are no longer configured:", table, out);
        return count;
    }

    /** Prints a titled table followed by a blank line, or nothing when the table has no rows. */
    private static void printSection(String title, Table table, PrintWriter out) {
        if (table.isEmpty()) {
            return;
        }
        out.println(title);
        table.print(out);
        out.println();
    }
}
