package dev.portalloc.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.portalloc.allocation.AppNumbers;

/**
 * Reads {@code port_config.json}, a JSON array of objects with {@code model}, {@code app_number}, {@code backend_port}
 * and {@code frontend_port}, as a stream: the entries are kept, the JSON tree is not. Other fields are skipped. Only the
 * structure is checked here; value rules are {@link LegacyEntry}'s.
 */
@ApplicationScoped
public class LegacyFileReader {

    private final ObjectMapper mapper;

    LegacyFileReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads every entry in file order.
     *
     * @throws MalformedFileException naming the entry and field where the input stops being a valid file
     * @throws UncheckedIOException when the input itself fails, for example a client that disconnects
     */
    public List<LegacyEntry> read(InputStream input) {
        Cursor cursor = new Cursor();
        try (JsonParser parser = mapper.getFactory().createParser(input)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return readArray(parser, cursor);
        } catch (JsonProcessingException e) {
            throw malformed(e, cursor);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import file failed", e);
        }
    }

    /**
     * Converts a syntax error into a position and reason. The field is named only when the error lies inside its value,
     * because for an error inside a field name the parser's current field is still the previous one.
     */
    private static MalformedFileException malformed(JsonProcessingException e, Cursor cursor) {
        String location = e.getLocation() == null ? ""
                : " at line %d, column %d".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        boolean truncated = e instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        if (truncated) {
            return new MalformedFileException(cursor.index, cursor.field,
                    "is truncated: the input ends%s before the JSON array is closed".formatted(location));
        }
        return new MalformedFileException(cursor.index, cursor.field,
                "is not valid JSON%s: %s".formatted(location, e.getOriginalMessage()));
    }

    private static List<LegacyEntry> readArray(JsonParser parser, Cursor cursor) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new MalformedFileException(null, null, "is empty; expected a JSON array of entries");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new MalformedFileException(null, null, "must be a JSON array of entries, but is " + describe(parser));
        }
        List<LegacyEntry> entries = new ArrayList<>();
        cursor.index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedFileException(cursor.index, null, "must be a JSON object, but is " + describe(parser));
            }
            entries.add(readEntry(parser, cursor));
            cursor.index++;
        }
        cursor.index = null;
        if (parser.nextToken() != null) {
            throw new MalformedFileException(null, null, "must end after the array's closing ']', but has more content");
        }
        return entries;
    }

    private static LegacyEntry readEntry(JsonParser parser, Cursor cursor) throws IOException {
        String model = null;
        Integer appNumber = null;
        Integer backendPort = null;
        Integer frontendPort = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            cursor.field = parser.currentName();
            parser.nextToken();
            switch (cursor.field) {
                case LegacyEntry.MODEL -> model = text(parser, cursor);
                case LegacyEntry.APP_NUMBER -> appNumber = integer(parser, cursor, AppNumbers.RULE);
                case LegacyEntry.BACKEND_PORT -> backendPort = integer(parser, cursor, LegacyEntry.PORT_RULE);
                case LegacyEntry.FRONTEND_PORT -> frontendPort = integer(parser, cursor, LegacyEntry.PORT_RULE);
                default -> parser.skipChildren();
            }
            cursor.field = null;
        }
        return new LegacyEntry(cursor.index, model, appNumber, backendPort, frontendPort);
    }

    private static String text(JsonParser parser, Cursor cursor) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw new MalformedFileException(cursor.index, cursor.field,
                    "must be a JSON string, but is " + describe(parser));
        };
    }

    private static Integer integer(JsonParser parser, Cursor cursor, String rule) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedFileException(cursor.index, cursor.field,
                    "must be a JSON integer, but is " + describe(parser));
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new MalformedFileException(cursor.index, cursor.field,
                    "%s, but %s is out of range".formatted(rule, parser.getText()));
        }
        return parser.getIntValue();
    }

    /** Describes the current value for messages: its JSON type, and the value itself when it is short. */
    private static String describe(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "the string " + quote(parser.getText());
            case VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_NUMBER_INT -> "the integer " + parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + parser.getText();
            case VALUE_NULL -> "null";
            default -> "the token " + parser.currentToken();
        };
    }

    private static String quote(String text) {
        String excerpt = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "\"" + excerpt + "\"";
    }

    /** Position of the reader, so that a syntax error deep in the parser can still name the entry and field. */
    private static final class Cursor {
        Integer index;
        String field;
    }
}
