package dev.portalloc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rows of text whose columns line up in a terminal: two spaces apart, columns of numbers right-aligned, text
 * left-aligned. Widths count code points.
 * NOTE: East Asian wide characters take two terminal columns, so a column after such a model name is shifted.
 */
final class Table {

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row with one cell per header; a null cell shows as "-". */
    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected %d cells, got %d".formatted(headers.size(), cells.length));
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Converts a JSON value to a cell: numbers stay numbers, so their column is right-aligned; null and missing are null. */
    static Object cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        return value.isNumber() ? value.asDouble() : value.asText();
    }

    /** "1 allocation", "2 allocations": a count with a noun that takes a plain -s plural. */
    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = width(headers.get(i));
            numeric[i] = !rows.isEmpty();
        }
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(text(row[i])));
                numeric[i] &= row[i] == null || row[i] instanceof Number;
            }
        }
        out.println(line(headers.toArray(), widths, numeric));
        for (Object[] row : rows) {
            out.println(line(row, widths, numeric));
        }
    }

    private static String line(Object[] cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String text = text(cells[i]);
            String padding = " ".repeat(widths[i] - width(text));
            line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? padding + text : text + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String text(Object cell) {
        return cell == null ? "-" : cell.toString();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
