package dev.portalloc.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the figures of GET /api/v1/allocations/stats. */
@Command(name = "stats", description = {
        "Show usage figures: allocations and models, and for each pool its slots held, blocked and free,",
        "its utilization (share of slots not free), the slot the next new key gets, and its oldest and newest allocation." })
class StatsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print the API's JSON figures.")
    boolean json;

    @Override
    public Integer call() {
        ServiceResponse response = common.client().get("/api/v1/allocations/stats", Map.of());
        JsonNode stats = response.requireSuccess();
        PrintWriter out = common.out();
        if (json) {
            out.println(response.body());
            return ExitCodes.SUCCESS;
        }
        out.printf("%s of %s; oldest %s, newest %s%n", Table.count(stats.path("allocations").asLong(), "allocation"),
                Table.count(stats.path("models").asLong(), "model"), Table.cell(stats.get("oldestCreatedAt")),
                Table.cell(stats.get("newestCreatedAt")));
        out.println();
        printPools(stats.path("pools"), out);
        if (!stats.path("perModel").isEmpty()) {
            out.println();
            Table models = new Table("MODEL", "ALLOCATIONS");
            for (JsonNode model : stats.path("perModel")) {
                models.row(Table.cell(model.get("model")), Table.cell(model.get("allocations")));
            }
            models.print(out);
        }
        return ExitCodes.SUCCESS;
    }

    private static void printPools(JsonNode pools, PrintWriter out) {
        Table table = new Table("POOL", "ALLOCATIONS", "SLOTS", "HELD", "BLOCKED", "FREE", "UTILIZATION %",
                "LOWEST FREE SLOT", "PAIR", "OLDEST", "NEWEST");
        for (JsonNode pool : pools) {
            JsonNode lowest = pool.path("lowestFreeSlot");
            String pair = lowest.isObject()
                    ? lowest.path("backendPort").asText() + "/" + lowest.path("frontendPort").asText()
                    : null;
            table.row(Table.cell(pool.get("pool")), Table.cell(pool.get("allocations")), Table.cell(pool.get("slots")),
                    Table.cell(pool.get("held")), Table.cell(pool.get("blocked")), Table.cell(pool.get("free")),
                    Table.cell(pool.get("utilizationPercent")), Table.cell(lowest.get("slot")), pair,
                    Table.cell(pool.get("oldestCreatedAt")), Table.cell(pool.get("newestCreatedAt")));
        }
        table.print(out);
    }
}
