package dev.portalloc.allocation;

import java.util.OptionalInt;

/** The rule for app numbers, shared by request bodies and query parameters. */
public final class AppNumbers {

    public static final String RULE = "must be an integer from 1 to 2147483647";

    private AppNumbers() {
    }

    /** Parses a query parameter; empty when it is not a decimal integer within the rule. */
    public static OptionalInt parse(String text) {
        if (text == null || !text.matches("[0-9]{1,10}")) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(text);
        return value >= 1 && value <= Integer.MAX_VALUE ? OptionalInt.of((int) value) : OptionalInt.empty();
    }
}
