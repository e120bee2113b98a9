package dev.portalloc.stress;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints the figures of a run to standard output, where Maven shows them. */
final class Report {

    private static final int EXAMPLES = 10;

    private Report() {
    }

    static void scenario(String name, Collection<Exchange> exchanges, Duration elapsed) {
        List<Exchange> mine = exchanges.stream().filter(exchange -> exchange.scenario().equals(name)).toList();
        double seconds = elapsed.toNanos() / 1e9;
        System.out.printf("[stress] %s: %d requests in %.1f s (%.0f requests/s); responses by status %s; latency ms p50 %d,"
                + " p99 %d, max %d; load average %.1f%n", name, mine.size(), seconds, mine.size() / seconds, byStatus(mine),
                percentile(mine, 0.50), percentile(mine, 0.99), percentile(mine, 1.0),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void totals(Collection<Exchange> exchanges, InvariantCheck.Findings findings) {
        System.out.printf("[stress] all scenarios: %d requests; responses by status %s%n", exchanges.size(),
                byStatus(exchanges));
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("duplicate ports in the database", findings.duplicatePortsInDatabase);
        lists.put("duplicate keys in the database", findings.duplicateKeysInDatabase);
        lists.put("responses naming one port for two keys", findings.conflictingResponses);
        lists.put("responses changing a key's pair without a release", findings.changedPairs);
        lists.put("lost acknowledgements", findings.lostAcknowledgements);
        lists.put("allocations whose held_port rows do not match", findings.heldPortMismatches);
        lists.put("responses naming another key", findings.wrongKeyResponses);
        System.out.printf("[stress] duplicates found: %d; lost acknowledgements: %d%n", findings.duplicates(),
                findings.lost());
        lists.forEach((label, found) -> {
            System.out.printf("[stress]   %s: %d%n", label, found.size());
            found.stream().limit(EXAMPLES).forEach(line -> System.out.println("[stress]     " + line));
        });
    }

    /** Counts exchanges by response status, with "none" for requests that got no response. */
    static Map<String, Long> byStatus(Collection<Exchange> exchanges) {
        Function<Exchange, String> status = exchange -> exchange.status() == Exchange.NO_RESPONSE ? "none"
                : Integer.toString(exchange.status());
        return exchanges.stream().collect(Collectors.groupingBy(status, TreeMap::new, Collectors.counting()));
    }

    private static long percentile(List<Exchange> exchanges, double fraction) {
        if (exchanges.isEmpty()) {
            return 0;
        }
        List<Long> millis = new ArrayList<>(
                exchanges.stream().map(exchange -> exchange.duration().toMillis()).sorted().toList());
        int index = (int) Math.ceil(fraction * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(index, millis.size() - 1)));
    }
}
