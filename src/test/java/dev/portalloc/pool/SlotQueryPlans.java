package dev.portalloc.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.portalloc.testing.TestDatabase;

/**
 * Runs {@code EXPLAIN (ANALYZE, BUFFERS)} on the statements that find a key and a slot, with the SQL text of
 * {@link SlotAllocator} and {@link SlotProbe} and the parameters filled in as literals.
 */
public final class SlotQueryPlans {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");
    private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private SlotQueryPlans() {
    }

    /** Explains the look-up of a key of the pool and the queries for the pool's next slot, as the allocator runs them. */
    public static List<QueryPlan> explainAll(TestDatabase database, PoolLayout layout, String model, int appNumber) {
        int nextSlot = (int) database.count("SELECT next_slot FROM port_pool WHERE name = '%s'".formatted(layout.name()));
        String pool = quote(layout.name());
        Map<String, String> probe = Map.of("pool", pool, "skipped", "-1",
                "backendStart", String.valueOf(layout.backend().start()),
                "frontendStart", String.valueOf(layout.frontend().start()), "step", String.valueOf(layout.step()));
        return List.of(
                explain(database, "key look-up (Allocation.findByKey)",
                        "SELECT id, backend_port, frontend_port FROM allocation"
                                + " WHERE pool = :pool AND model = :model AND app_number = :app",
                        Map.of("pool", pool, "model", quote(model), "app", String.valueOf(appNumber))),
                explain(database, "lowest listed free slot", SlotAllocator.LOWEST_LISTED_SQL,
                        Map.of("pool", pool, "from", "0")),
                explain(database, "ports of one slot held?", SlotAllocator.HELD_PORTS_SQL,
                        Map.of("pool", pool, "backend", String.valueOf(layout.backendPort(nextSlot)),
                                "frontend", String.valueOf(layout.frontendPort(nextSlot)))),
                explain(database, "first probe, 1 slot from next_slot", SlotProbe.FIRST_FREE_SQL,
                        with(probe, "first", nextSlot, "last", nextSlot)),
                explain(database, "longest probe, %d slots from 0".formatted(SlotProbe.MAX_PROBE), SlotProbe.FIRST_FREE_SQL,
                        with(probe, "first", 0, "last", SlotProbe.MAX_PROBE - 1)));
    }

    private static Map<String, String> with(Map<String, String> parameters, String first, int firstValue, String last,
            int lastValue) {
        Map<String, String> all = new TreeMap<>(parameters);
        all.put(first, String.valueOf(firstValue));
        all.put(last, String.valueOf(lastValue));
        return all;
    }

    private static QueryPlan explain(TestDatabase database, String title, String sql, Map<String, String> parameters) {
        String literal = sql;
        // Longest names first, so that :frontend does not replace the start of :frontendStart.
        List<String> names = parameters.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
        for (String name : names) {
            literal = literal.replace(":" + name, parameters.get(name));
        }
        List<String> plan = new ArrayList<>();
        database.rows("EXPLAIN (ANALYZE, BUFFERS) " + literal).forEach(row -> plan.add(row.get(0)));
        return new QueryPlan(title, literal.strip(), plan);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** One statement and its plan, as EXPLAIN printed it. */
    public record QueryPlan(String title, String sql, List<String> plan) {

        /** Shared buffers that the whole statement hit or read: the figure on the plan's top node. */
        public long buffers() {
            for (String line : plan) {
                Matcher matcher = BUFFERS.matcher(line);
                if (matcher.find()) {
                    return Long.parseLong(matcher.group(1)) + (matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2)));
                }
            }
            return 0;
        }

        public double executionMillis() {
            return plan.stream().map(EXECUTION_TIME::matcher).filter(Matcher::find)
                    .mapToDouble(matcher -> Double.parseDouble(matcher.group(1))).findFirst().orElse(Double.NaN);
        }

        /** Formats the title, the statement and its plan, indented below it. */
        public String format() {
            List<String> lines = new ArrayList<>(List.of("-- " + title, sql));
            plan.forEach(line -> lines.add("    " + line));
            return String.join("\n", lines);
        }
    }
}
