package dev.portalloc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists allocations, fetching every page of GET /api/v1/allocations. */
@Command(name = "list", description = "List allocations, sorted by pool, model and app number.")
class ListCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/allocations";
    /** The largest page the service returns. */
    static final int PAGE_SIZE = 1000;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only allocations of this model.")
    String model;

    @Option(names = "--pool", paramLabel = "POOL", description = "Only allocations in this pool.")
    String pool;

    @Option(names = "--app-number", paramLabel = "N", description = "Only allocations with this app number.")
    Integer appNumber;

    @Option(names = "--json", description = "Print {\"items\": [...], \"total\": N} with the API's items of all pages.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ObjectNode all = fetchAll(common.client());
        PrintWriter out = common.out();
        if (json) {
            out.println(ServiceResponse.JSON.writeValueAsString(all));
            return ExitCodes.SUCCESS;
        }
        if (all.get("items").isEmpty()) {
            out.println("No allocations found.");
            return ExitCodes.SUCCESS;
        }
        Table table = new Table("POOL", "MODEL", "APP", "BACKEND", "FRONTEND", "CREATED");
        for (JsonNode item : all.get("items")) {
            table.row(Table.cell(item.get("pool")), Table.cell(item.get("model")), Table.cell(item.get("appNumber")),
                    Table.cell(item.get("backendPort")), Table.cell(item.get("frontendPort")),
                    Table.cell(item.get("createdAt")));
        }
        table.print(out);
        out.println(Table.count(all.get("items").size(), "allocation"));
        return ExitCodes.SUCCESS;
    }

    /**
     * Reads page after page until a short page.
     * NOTE: pages are read one request at a time, so allocations made or released meanwhile can shift an item onto a page
     * already read (skipped) or a page not yet read (listed twice).
     */
    private ObjectNode fetchAll(ServiceClient client) {
        ArrayNode items = ServiceResponse.JSON.createArrayNode();
        long total = 0;
        for (int page = 0;; page++) {
            JsonNode body = client.get(PATH, query(page)).requireSuccess();
            if (!(body.path("items") instanceof ArrayNode pageItems)) {
                throw new CliFailure(ExitCodes.SERVICE_FAILURE, "the service's response has no items list: " + body);
            }
            items.addAll(pageItems);
            total = body.path("total").asLong();
            if (pageItems.size() < PAGE_SIZE || items.size() >= total) {
                break;
            }
        }
        ObjectNode all = ServiceResponse.JSON.createObjectNode();
        all.set("items", items);
        all.put("total", total);
        return all;
    }

    private Map<String, String> query(int page) {
        Map<String, String> query = new LinkedHashMap<>();
        if (pool != null) {
            query.put("pool", pool);
        }
        if (model != null) {
            query.put("model", model);
        }
        if (appNumber != null) {
            query.put("appNumber", appNumber.toString());
        }
        query.put("page", Integer.toString(page));
        query.put("size", Integer.toString(PAGE_SIZE));
        return query;
    }
}
