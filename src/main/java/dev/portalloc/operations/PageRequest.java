package dev.portalloc.operations;

import java.util.OptionalLong;

import dev.portalloc.problem.InvalidFieldException;

/** One page of a listing: its index from 0 and its size in items. */
record PageRequest(int index, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 1000;

    /**
     * Parses the {@code page} and {@code size} query parameters; absent ones take their defaults (0 and 50).
     *
     * @throws InvalidFieldException naming the parameter that is not an integer within its range
     */
    static PageRequest parse(String page, String size) {
        int pageSize = DEFAULT_SIZE;
        if (size != null) {
            OptionalLong value = parseDecimal(size);
            if (value.isEmpty() || value.getAsLong() < 1 || value.getAsLong() > MAX_SIZE) {
                throw new InvalidFieldException("size", "must be an integer from 1 to " + MAX_SIZE);
            }
            pageSize = (int) value.getAsLong();
        }
        // The row offset, index * size, must fit in an int.
        int maxIndex = Integer.MAX_VALUE / pageSize;
        int index = 0;
        if (page != null) {
            OptionalLong value = parseDecimal(page);
            if (value.isEmpty() || value.getAsLong() > maxIndex) {
                throw new InvalidFieldException("page", "must be an integer from 0 to %d for size %d".formatted(maxIndex,
                        pageSize));
            }
            index = (int) value.getAsLong();
        }
        return new PageRequest(index, pageSize);
    }

    /** Parses a non-negative decimal integer of at most 10 digits; anything else is empty. */
    private static OptionalLong parseDecimal(String text) {
        return text.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }
}
