package dev.portalloc.stress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.portalloc.stress.Exchange.Key;

/**
 * Checks the database and every recorded exchange against the promises of the service. A release that returned 204, or
 * whose outcome is unknown (5xx, no response), may have taken effect at any moment while it ran; only such releases
 * excuse a key losing or changing its pair.
 */
final class InvariantCheck {

    private final Map<Key, List<Exchange>> releasesByKey;
    private final Collection<Exchange> exchanges;

    InvariantCheck(Collection<Exchange> exchanges) {
        this.exchanges = exchanges;
        this.releasesByKey = exchanges.stream().filter(Exchange::mayHaveReleased)
                .collect(Collectors.groupingBy(Exchange::key));
    }

    /** Runs every check; the database must be up. */
    Findings run(Connection database) throws SQLException {
        Findings findings = new Findings();
        findings.duplicatePortsInDatabase.addAll(rows(database, """
                SELECT pool, port, count(*) FROM (SELECT pool, backend_port AS port FROM allocation
                                                  UNION ALL SELECT pool, frontend_port FROM allocation) AS held
                GROUP BY pool, port HAVING count(*) > 1"""));
        findings.duplicateKeysInDatabase.addAll(rows(database, """
                SELECT pool, model, app_number, count(*) FROM allocation
                GROUP BY pool, model, app_number HAVING count(*) > 1"""));
        findings.heldPortMismatches.addAll(rows(database, """
                SELECT a.id, a.pool, a.backend_port, a.frontend_port FROM allocation a
                WHERE (SELECT count(*) FROM held_port h WHERE h.allocation_id = a.id
                       AND h.port IN (a.backend_port, a.frontend_port)) <> 2
                   OR (SELECT count(*) FROM held_port h WHERE h.allocation_id = a.id) <> 2"""));
        Map<Key, int[]> stored = storedPairs(database);
        Map<Key, List<Exchange>> byKey = exchanges.stream().collect(Collectors.groupingBy(Exchange::key));
        byKey.forEach((key, keyExchanges) -> checkKey(key, keyExchanges, stored.get(key), findings));
        checkPortsAcrossKeys(findings);
        exchanges.stream().filter(exchange -> exchange.error() != null && exchange.status() != Exchange.NO_RESPONSE)
                .forEach(exchange -> findings.wrongKeyResponses.add(exchange.describe() + ": " + exchange.error()));
        return findings;
    }

    private void checkKey(Key key, List<Exchange> keyExchanges, int[] storedPair, Findings findings) {
        List<Exchange> acknowledged = keyExchanges.stream().filter(Exchange::acknowledges)
                .sorted(Comparator.comparingLong(Exchange::startNanos)).toList();
        List<Exchange> absent = keyExchanges.stream().filter(Exchange::showsAbsent).toList();
        for (int i = 0; i < acknowledged.size(); i++) {
            Exchange first = acknowledged.get(i);
            for (int j = i + 1; j < acknowledged.size(); j++) {
                Exchange second = acknowledged.get(j);
                if (!samePair(first, second) && !releasedBetween(key, first, second)) {
                    findings.changedPairs.add(first.describe() + " then " + second.describe());
                }
            }
            for (Exchange later : absent) {
                if (later != first && first.endNanos() < later.startNanos() && !releasedBetween(key, first, later)) {
                    findings.lostAcknowledgements.add(first.describe() + ", then absent: " + later.describe());
                }
            }
            boolean mayBeReleasedSince = releases(key).stream().anyMatch(release -> release.endNanos() > first.startNanos());
            if (!mayBeReleasedSince && (storedPair == null || storedPair[0] != first.backendPort()
                    || storedPair[1] != first.frontendPort())) {
                findings.lostAcknowledgements.add(first.describe() + ", but the database holds "
                        + (storedPair == null ? "nothing" : storedPair[0] + "/" + storedPair[1]));
            }
        }
    }

    /** Finds two keys named with the same port (in any role) and no release of either key between the two responses. */
    private void checkPortsAcrossKeys(Findings findings) {
        Map<String, List<Exchange>> byPort = new HashMap<>();
        for (Exchange exchange : exchanges) {
            if (exchange.acknowledges()) {
                byPort.computeIfAbsent(exchange.key().pool() + ":" + exchange.backendPort(), port -> new ArrayList<>())
                        .add(exchange);
                byPort.computeIfAbsent(exchange.key().pool() + ":" + exchange.frontendPort(), port -> new ArrayList<>())
                        .add(exchange);
            }
        }
        byPort.forEach((port, claims) -> {
            for (int i = 0; i < claims.size(); i++) {
                for (int j = i + 1; j < claims.size(); j++) {
                    Exchange first = claims.get(i);
                    Exchange second = claims.get(j);
                    if (!first.key().equals(second.key()) && !releasedBetween(first.key(), first, second)
                            && !releasedBetween(second.key(), first, second)) {
                        findings.conflictingResponses
                                .add("port " + port + ": " + first.describe() + " and " + second.describe());
                    }
                }
            }
        });
    }

    private boolean releasedBetween(Key key, Exchange first, Exchange second) {
        long from = Math.min(first.startNanos(), second.startNanos());
        long to = Math.max(first.endNanos(), second.endNanos());
        return releases(key).stream().anyMatch(release -> release.overlaps(from, to));
    }

    private List<Exchange> releases(Key key) {
        return releasesByKey.getOrDefault(key, List.of());
    }

    private static boolean samePair(Exchange first, Exchange second) {
        return first.backendPort() == second.backendPort() && first.frontendPort() == second.frontendPort();
    }

    private static Map<Key, int[]> storedPairs(Connection database) throws SQLException {
        Map<Key, int[]> pairs = new HashMap<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT pool, model, app_number, backend_port, frontend_port FROM allocation")) {
            while (rows.next()) {
                pairs.put(new Key(rows.getString(1), rows.getString(2), rows.getInt(3)),
                        new int[] { rows.getInt(4), rows.getInt(5) });
            }
        }
        return pairs;
    }

    private static List<String> rows(Connection database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    /** Violations the checks found, one readable line each. */
    static final class Findings {
        final List<String> duplicatePortsInDatabase = new ArrayList<>();
        final List<String> duplicateKeysInDatabase = new ArrayList<>();
        final List<String> heldPortMismatches = new ArrayList<>();
        final List<String> conflictingResponses = new ArrayList<>();
        final List<String> changedPairs = new ArrayList<>();
        final List<String> lostAcknowledgements = new ArrayList<>();
        final List<String> wrongKeyResponses = new ArrayList<>();

        /** Counts ports or keys held twice, in the database or according to the responses. */
        int duplicates() {
            return duplicatePortsInDatabase.size() + duplicateKeysInDatabase.size() + conflictingResponses.size();
        }

        int lost() {
            return lostAcknowledgements.size();
        }
    }
}
