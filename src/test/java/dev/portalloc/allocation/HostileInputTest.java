package dev.portalloc.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.portalloc.testing.RawHttp;
import dev.portalloc.testing.RawHttp.RawResponse;
import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad requests against every endpoint, sent as raw bytes: each must get its 4xx problem+json naming the broken field,
 * never a 5xx, and must leave every table as it was. Requests that reach the service would otherwise act on a key that
 * exists ({@code existing}, app 1) or create a new one, so a check that lets them through changes a row.
 */
@QuarkusTest
class HostileInputTest {

    private static final String API = "/api/v1/allocations";
    private static final String LOOKUP = API + "/lookup";
    private static final String IMPORT = API + "/import";
    /** A valid import body: a check that lets a bad request through writes its row. */
    private static final String VALID_IMPORT = entry("\"imported\"", "1", "6001", "9001");
    private static final String JSON = "application/json";
    private static final int ONE_MB = 1 << 20;
    private static final int URI_TOO_LONG = 414;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestDatabase database;

    @TestHTTPResource("/")
    URI root;

    /**
     * One row of the table; {@code field} is the field the problem must name, null when the response names none. The target
     * is sent as written, so it may hold percent-encoding that {@link URI} rejects. {@code problem} is false for requests
     * that the HTTP decoder of Vert.x rejects before the service gets them.
     */
    record BadRequest(String description, String method, String target, String accept, String contentType, byte[] body,
            int status, String field, boolean problem) {

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeEach
    void seedOneAllocation() {
        database.clear();
        GetOrAllocateTest.allocate("existing", 1).then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsRejectedAndChangesNothing(BadRequest bad) throws Exception {
        List<List<String>> before = snapshot();

        RawResponse response = RawHttp.send(root, bad.method(), bad.target(), headers(bad), bad.body());

        String body = response.body().length() > 500 ? response.body().substring(0, 500) : response.body();
        assertEquals(bad.status(), response.status(), body);
        if (!bad.problem()) {
            // NOTE: Vert.x itself responds with an empty body to requests that its HTTP decoder rejects (a request line
            // over 4096 bytes, malformed percent-encoding), before any handler of the service runs.
            assertEquals(before, snapshot());
            return;
        }
        assertTrue(response.contentType().startsWith("application/problem+json"),
                "content type " + response.contentType() + " of " + body);
        JsonNode problem = MAPPER.readTree(response.body());
        assertEquals(bad.status(), problem.path("status").asInt(), body);
        assertTrue(problem.path("type").asText().startsWith("urn:port-allocator:problem:"), body);
        if (bad.field() != null) {
            // Field names are in errors[].field, or in problems[].field for a rejected import.
            List<String> fields = problem.findValuesAsText("field");
            assertTrue(fields.contains(bad.field()), "fields " + fields + " of " + body);
        }
        assertEquals(before, snapshot());
    }

    static Stream<BadRequest> badRequests() {
        List<BadRequest> table = new ArrayList<>();
        names(table);
        appNumbers(table);
        bodies(table);
        pools(table);
        queries(table);
        methodsAndHeaders(table);
        imports(table);
        operations(table);
        return table.stream();
    }

    private static void names(List<BadRequest> table) {
        List<String[]> names = List.of(
                new String[] { "empty", "" },
                new String[] { "blank", "   " },
                new String[] { "201 characters", "m".repeat(201) },
                new String[] { "201 two-byte characters", "é".repeat(201) },
                new String[] { "control character U+0001", "a\u0001b" },
                new String[] { "tab", "a\tb" },
                new String[] { "line feed", "a\nb" },
                new String[] { "NUL", "a\u0000b" },
                new String[] { "DEL", "a\u007Fb" },
                new String[] { "C1 control U+0085", "a\u0085b" },
                new String[] { "leading space", " gpt" },
                new String[] { "trailing space", "gpt " },
                new String[] { "leading no-break space", "\u00A0gpt" },
                new String[] { "replacement character U+FFFD", "a\uFFFDb" },
                new String[] { "1 MB", "m".repeat(ONE_MB) });

        for (String[] name : names) {
            if (name[1].length() < ONE_MB) {
                table.add(post("model " + name[0], json(name[1], 1, null), "model"));
            } else {
                // Over portalloc.limits.max-body-size (16 KiB), so the size check rejects the body before it is read.
                table.add(postBytes("model " + name[0], json(name[1], 1, null).getBytes(StandardCharsets.UTF_8), JSON, 413,
                        null));
            }
            String query = "model=" + encode(name[1]) + "&appNumber=1";
            if (name[1].length() < ONE_MB) {
                table.add(lookup("lookup model " + name[0], query, 400, "model"));
                table.add(release("release model " + name[0], query, 400, "model"));
            } else {
                table.add(rejectedByDecoder("lookup model " + name[0], "GET", LOOKUP + "?" + query, URI_TOO_LONG));
                table.add(rejectedByDecoder("release model " + name[0], "DELETE", API + "?" + query, URI_TOO_LONG));
            }
        }

        table.add(postBytes("model with invalid UTF-8 bytes", bytes("{\"model\": \"", new byte[] { (byte) 0xFF, (byte) 0xFE },
                "\", \"appNumber\": 1}"), JSON, 400, "model"));
        table.add(postBytes("model with a truncated UTF-8 sequence", bytes("{\"model\": \"a", new byte[] { (byte) 0xC3 },
                "\", \"appNumber\": 1}"), JSON, 400, "model"));
        table.add(post("model with an unpaired surrogate", "{\"model\": \"a\\ud800b\", \"appNumber\": 1}", "model"));
        table.add(post("model as a number", "{\"model\": 42, \"appNumber\": 1}", "model"));
        table.add(post("model as an array", "{\"model\": [\"gpt\"], \"appNumber\": 1}", "model"));
        table.add(post("model as an object", "{\"model\": {\"name\": \"gpt\"}, \"appNumber\": 1}", "model"));
        table.add(post("model as a boolean", "{\"model\": true, \"appNumber\": 1}", "model"));
        table.add(post("model null", "{\"model\": null, \"appNumber\": 1}", "model"));
        table.add(post("model missing", "{\"appNumber\": 1}", "model"));

        for (String[] query : List.of(new String[] { "invalid UTF-8 bytes", "%FF%FE" },
                new String[] { "a truncated UTF-8 sequence", "a%C3" },
                new String[] { "an encoded surrogate", "a%ED%A0%80" })) {
            table.add(lookup("lookup model with " + query[0], "model=" + query[1] + "&appNumber=1", 400, "model"));
            table.add(release("release model with " + query[0], "model=" + query[1] + "&appNumber=1", 400, "model"));
        }
        table.add(lookup("lookup without model", "appNumber=1", 400, "model"));
        table.add(release("release without model", "appNumber=1", 400, "model"));
    }

    private static void appNumbers(List<BadRequest> table) {
        for (String value : List.of("0", "-1", "2147483648", "-2147483649", "1e3", "\"1\"", "null", "1.5", "1.0", "true",
                "[]", "{}", "\"\"", "99999999999999999999")) {
            table.add(post("appNumber " + value, "{\"model\": \"fresh\", \"appNumber\": " + value + "}", "appNumber"));
        }
        // Not JSON at all, so the problem names the body rather than the field.
        table.add(post("appNumber NaN", "{\"model\": \"fresh\", \"appNumber\": NaN}", "body"));
        table.add(post("appNumber missing", "{\"model\": \"fresh\"}", "appNumber"));
        for (String value : List.of("0", "-1", "2147483648", "1e3", "%221%22", "null", "1.5", "", "abc", "%2B1", "%201",
                "1%20", "0x1", "%EF%BC%91", "99999999999999999999")) {
            String query = "model=existing&appNumber=" + value;
            table.add(lookup("lookup appNumber '" + value + "'", query, 400, "appNumber"));
            table.add(release("release appNumber '" + value + "'", query, 400, "appNumber"));
        }
        table.add(lookup("lookup without appNumber", "model=existing", 400, "appNumber"));
        table.add(release("release without appNumber or all", "model=existing", 400, "appNumber"));
    }

    private static void bodies(List<BadRequest> table) {
        List<String[]> bodies = List.of(
                new String[] { "truncated JSON", "{\"model\":" },
                new String[] { "unterminated object", "{\"model\": \"fresh\", \"appNumber\": 1" },
                new String[] { "unquoted names", "{model: \"fresh\", appNumber: 1}" },
                new String[] { "single quotes", "{'model': 'fresh', 'appNumber': 1}" },
                new String[] { "trailing comma", "{\"model\": \"fresh\", \"appNumber\": 1,}" },
                new String[] { "trailing garbage", "{\"model\": \"fresh\", \"appNumber\": 1} x" },
                new String[] { "second object", "{\"model\": \"fresh\", \"appNumber\": 1}{\"model\": \"b\"}" },
                new String[] { "comment", "{/* c */ \"model\": \"fresh\", \"appNumber\": 1}" },
                new String[] { "duplicate field", "{\"model\": \"fresh\", \"model\": \"other\", \"appNumber\": 1}" },
                new String[] { "an array of the request", "[{\"model\": \"fresh\", \"appNumber\": 1}]" },
                new String[] { "an empty array", "[]" },
                new String[] { "a string", "\"fresh\"" },
                new String[] { "a number", "42" },
                new String[] { "null", "null" },
                new String[] { "empty", "" },
                new String[] { "whitespace", "  \n " },
                new String[] { "an empty object", "{}" },
                new String[] { "form encoding", "model=fresh&appNumber=1" },
                new String[] { "nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000) });
        for (String[] body : bodies) {
            String field = body[0].equals("an empty object") ? "model" : "body";
            table.add(post("body " + body[0], body[1], field));
        }
        String overLimit = json("m".repeat(10 * ONE_MB + 1), 1, null);
        table.add(postBytes("body of 10 MB", overLimit.getBytes(StandardCharsets.UTF_8), JSON, 413, null));
        table.add(post("body just under the limit, with a model of 16,000 characters", json("m".repeat(16_000), 1, null),
                "model"));
        String valid = "{\"model\": \"fresh\", \"appNumber\": 1}";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            table.add(postBytes("body as " + type, valid.getBytes(StandardCharsets.UTF_8), type, 415, null));
        }
    }

    private static void pools(List<BadRequest> table) {
        for (String[] pool : List.of(new String[] { "empty", "" }, new String[] { "with a space", "bad name" },
                new String[] { "of 65 characters", "p".repeat(65) }, new String[] { "not configured", "nosuch" },
                new String[] { "with NUL", "de\u0000fault" }, new String[] { "with a path", "../default" })) {
            table.add(post("pool " + pool[0], json("fresh", 1, pool[1]), "pool"));
            String query = "model=existing&appNumber=1&pool=" + encode(pool[1]);
            table.add(lookup("lookup pool " + pool[0], query, 400, "pool"));
            table.add(release("release pool " + pool[0], query, 400, "pool"));
        }
        table.add(post("pool as a number", "{\"model\": \"fresh\", \"appNumber\": 1, \"pool\": 5}", "pool"));
    }

    private static void queries(List<BadRequest> table) {
        table.add(release("release with all=maybe", "model=existing&appNumber=1&all=maybe", 400, "all"));
        table.add(release("release all with all=yes", "model=existing&all=yes", 400, "all"));
        table.add(release("release all with an app number", "model=existing&all=true&appNumber=1", 400, "appNumber"));
        table.add(release("release with an empty all", "model=existing&appNumber=1&all=", 400, "all"));
        for (String query : List.of("model=%&appNumber=1", "model=%G1&appNumber=1", "model=existing&appNumber=1%")) {
            table.add(rejectedByDecoder("lookup with malformed percent-encoding " + query, "GET", LOOKUP + "?" + query, 400));
            table.add(rejectedByDecoder("release with malformed percent-encoding " + query, "DELETE", API + "?" + query,
                    400));
        }
    }

    private static void methodsAndHeaders(List<BadRequest> table) {
        byte[] valid = "{\"model\": \"fresh\", \"appNumber\": 1}".getBytes(StandardCharsets.UTF_8);
        table.add(new BadRequest("PUT", "PUT", API, null, JSON, valid, 405, null, true));
        table.add(new BadRequest("PATCH", "PATCH", API, null, JSON, valid, 405, null, true));
        table.add(new BadRequest("POST to lookup", "POST", LOOKUP, null, JSON, valid, 405, null, true));
        table.add(new BadRequest("DELETE on lookup", "DELETE", LOOKUP + "?model=existing&appNumber=1", null, null,
                null, 405, null, true));
        table.add(new BadRequest("lookup accepting only XML", "GET", LOOKUP + "?model=existing&appNumber=1",
                "application/xml", null, null, 406, null, true));
        table.add(new BadRequest("allocation accepting only HTML", "POST", API, "text/html", JSON, valid, 406, null, true));
    }

    private static void imports(List<BadRequest> table) {
        for (String[] name : List.of(new String[] { "empty", "" }, new String[] { "blank", "   " },
                new String[] { "201 characters", "m".repeat(201) }, new String[] { "NUL", "a\u0000b" },
                new String[] { "control character U+0001", "a\u0001b" }, new String[] { "leading space", " gpt" },
                new String[] { "replacement character U+FFFD", "a\uFFFDb" }, new String[] { "1 MB", "m".repeat(ONE_MB) })) {
            String model = MAPPER.getNodeFactory().textNode(name[1]).toString();
            table.add(importBody("import model " + name[0], entry(model, "1", "6001", "9001"), 422, "model"));
        }

        table.add(new BadRequest("import model with invalid UTF-8 bytes", "POST", IMPORT, null, JSON,
                bytes("[{\"model\": \"", new byte[] { (byte) 0xFF }, "\", \"app_number\": 1}]"), 400, null, true));
        table.add(importBody("import model as a number", entry("7", "1", "6001", "9001"), 400, "model"));
        for (String value : List.of("0", "-1", "null")) {
            table.add(importBody("import app_number " + value, entry("\"m\"", value, "6001", "9001"), 422, "app_number"));
        }
        for (String value : List.of("2147483648", "1e3", "\"1\"", "1.5", "true")) {
            table.add(importBody("import app_number " + value, entry("\"m\"", value, "6001", "9001"), 400, "app_number"));
        }

        table.add(importBody("import backend_port 0", entry("\"m\"", "1", "0", "9001"), 422, "backend_port"));
        table.add(importBody("import backend_port 65536", entry("\"m\"", "1", "65536", "9001"), 422, "backend_port"));
        table.add(importBody("import equal ports", entry("\"m\"", "1", "6001", "6001"), 422, "frontend_port"));
        table.add(importBody("import port as a string", entry("\"m\"", "1", "\"6001\"", "9001"), 400, "backend_port"));

        for (String[] body : List.of(new String[] { "truncated JSON", "[" }, new String[] { "an object", "{}" },
                new String[] { "an array of numbers", "[5]" }, new String[] { "trailing garbage", VALID_IMPORT + " x" },
                new String[] { "empty", "" }, new String[] { "duplicate field",
                        "[{\"model\": \"m\", \"model\": \"n\", \"app_number\": 1, \"backend_port\": 6001,"
                                + " \"frontend_port\": 9001}]" })) {
            table.add(importBody("import body " + body[0], body[1], 400, null));
        }

        String overLimit = entry("\"" + "m".repeat(10 * ONE_MB) + "\"", "1", "6001", "9001");
        table.add(new BadRequest("import body of 10 MB", "POST", IMPORT, null, JSON,
                overLimit.getBytes(StandardCharsets.UTF_8), 413, null, true));
        table.add(new BadRequest("import body as text/plain", "POST", IMPORT, null, "text/plain",
                VALID_IMPORT.getBytes(StandardCharsets.UTF_8), 415, null, true));
        for (String[] query : List.of(new String[] { "dryRun=maybe", "dryRun" }, new String[] { "dryRun=", "dryRun" },
                new String[] { "onConflict=overwrite", "onConflict" }, new String[] { "onConflict=", "onConflict" })) {
            table.add(new BadRequest("import with " + query[0], "POST", IMPORT + "?" + query[0], null, JSON,
                    VALID_IMPORT.getBytes(StandardCharsets.UTF_8), 400, query[1], true));
        }
    }

    private static void operations(List<BadRequest> table) {
        for (String[] name : List.of(new String[] { "empty", "" }, new String[] { "201 characters", "m".repeat(201) },
                new String[] { "NUL", "a\u0000b" }, new String[] { "control character U+0001", "a\u0001b" },
                new String[] { "trailing space", "gpt " }, new String[] { "replacement character U+FFFD", "a\uFFFDb" })) {
            table.add(list("list model " + name[0], "model=" + encode(name[1]), "model"));
        }
        for (String pool : List.of("", "bad%20name", "p".repeat(65), "de%00fault")) {
            table.add(list("list pool '" + pool + "'", "pool=" + pool, "pool"));
        }
        for (String value : List.of("", "0", "-1", "2147483648", "1e3", "abc", "1.5")) {
            table.add(list("list appNumber '" + value + "'", "appNumber=" + value, "appNumber"));
        }
        for (String value : List.of("", "-1", "abc", "1.5", "99999999999", "2147483647&size=2")) {
            table.add(list("list page '" + value + "'", "page=" + value, "page"));
        }
        for (String value : List.of("", "0", "-1", "1001", "abc", "1e3")) {
            table.add(list("list size '" + value + "'", "size=" + value, "size"));
        }
        for (String path : List.of(API + "/check", API + "/stats")) {
            table.add(new BadRequest("POST to " + path, "POST", path, null, JSON, new byte[0], 405, null, true));
            table.add(new BadRequest("DELETE on " + path, "DELETE", path, null, null, null, 405, null, true));
            table.add(new BadRequest(path + " accepting only XML", "GET", path, "application/xml", null, null, 406, null,
                    true));
        }
        table.add(new BadRequest("list accepting only XML", "GET", API, "application/xml", null, null, 406, null, true));
    }

    private static BadRequest list(String description, String query, String field) {
        return new BadRequest(description, "GET", API + "?" + query, null, null, null, 400, field, true);
    }

    /** Writes an entry array of the old system's file with one entry; each value is JSON text. */
    private static String entry(String model, String appNumber, String backendPort, String frontendPort) {
        return "[{\"model\": %s, \"app_number\": %s, \"backend_port\": %s, \"frontend_port\": %s}]".formatted(model,
                appNumber, backendPort, frontendPort);
    }

    private static BadRequest importBody(String description, String body, int status, String field) {
        return new BadRequest(description, "POST", IMPORT, null, JSON, body.getBytes(StandardCharsets.UTF_8), status, field,
                true);
    }

    private static BadRequest post(String description, String json, String field) {
        return postBytes(description, json.getBytes(StandardCharsets.UTF_8), JSON, 400, field);
    }

    private static BadRequest postBytes(String description, byte[] body, String contentType, int status, String field) {
        return new BadRequest(description, "POST", API, null, contentType, body, status, field, true);
    }

    private static BadRequest lookup(String description, String query, int status, String field) {
        return new BadRequest(description, "GET", LOOKUP + "?" + query, null, null, null, status, field, true);
    }

    private static BadRequest release(String description, String query, int status, String field) {
        return new BadRequest(description, "DELETE", API + "?" + query, null, null, null, status, field, true);
    }

    private static BadRequest rejectedByDecoder(String description, String method, String target, int status) {
        return new BadRequest(description, method, target, null, null, null, status, null, false);
    }

    private static Map<String, String> headers(BadRequest bad) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (bad.accept() != null) {
            headers.put("Accept", bad.accept());
        }
        if (bad.contentType() != null) {
            headers.put("Content-Type", bad.contentType());
        }
        return headers;
    }

    /** Reads every row of every table, to show that a rejected request changed nothing. */
    private List<List<String>> snapshot() {
        List<List<String>> rows = new ArrayList<>(database.rows("SELECT * FROM allocation ORDER BY id"));
        rows.addAll(database.rows("SELECT * FROM held_port ORDER BY pool, port"));
        rows.addAll(database.rows("SELECT * FROM free_slot ORDER BY pool, slot"));
        rows.addAll(database.rows("SELECT * FROM port_pool ORDER BY name"));
        return rows;
    }

    private static String json(String model, int appNumber, String pool) {
        var body = MAPPER.createObjectNode().put("model", model).put("appNumber", appNumber);
        if (pool != null) {
            body.put("pool", pool);
        }
        return body.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
