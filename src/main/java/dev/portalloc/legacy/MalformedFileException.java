package dev.portalloc.legacy;

/**
 * An import file that cannot be read as a JSON array of entries: not JSON, truncated, not an array, a value of the wrong
 * type or a number beyond the 32-bit range. Nothing is written.
 */
public class MalformedFileException extends RuntimeException {

    private final Integer index;
    private final String field;
    private final String reason;

    /**
     * @param index position of the entry in the array, counted from 0, or null when the error is outside any entry
     * @param field name of the entry's field, or null when the error is not inside a field's value
     */
    public MalformedFileException(Integer index, String field, String reason) {
        super(position(index, field) + " " + reason);
        this.index = index;
        this.field = field;
        this.reason = reason;
    }

    /**
     * Returns the position as a JSON path below the array, such as {@code [3].backend_port}; {@code body} for the whole input.
     */
    public String path() {
        if (index == null) {
            return "body";
        }
        return field == null ? "[" + index + "]" : "[" + index + "]." + field;
    }

    public Integer index() {
        return index;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    private static String position(Integer index, String field) {
        if (index == null) {
            return "body";
        }
        return field == null ? "entry " + index : "entry " + index + " field " + field;
    }
}
