package dev.portalloc.legacy;

import java.util.Locale;
import java.util.Optional;

/** Treatment of entries that conflict with the database or with earlier entries of the file. */
public enum OnConflict {
    /** Write nothing and list every conflict. */
    REJECT,
    /** Keep each contested pair with its first holder and give every other contender a fresh pair. */
    REASSIGN;

    public static final String RULE = "must be reject or reassign";

    /** Parses {@code reject} or {@code reassign}, ignoring case; empty for anything else. */
    public static Optional<OnConflict> parse(String text) {
        for (OnConflict mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equalsIgnoreCase(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
