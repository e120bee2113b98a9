package dev.portalloc.legacy;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.portalloc.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests and checks shared by the import tests. */
final class Imports {

    static final String PATH = "/api/v1/allocations/import";

    private Imports() {
    }

    /** A fixture file from the test resources, byte for byte. */
    static String fixture(String name) {
        try (InputStream input = Imports.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} as the file, with query parameters given as name, value, name, value... */
    static Response postImport(String body, String... query) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().post(PATH);
    }

    /**
     * Converts the file's entries to allocation rows of the default pool, in file order: pool, model, app, backend, frontend.
     */
    static List<List<String>> rowsOf(String file) {
        List<Map<String, Object>> entries = JsonPath.from(file).getList("");
        return entries.stream()
                .map(entry -> List.of("default", (String) entry.get("model"), String.valueOf(entry.get("app_number")),
                        String.valueOf(entry.get("backend_port")), String.valueOf(entry.get("frontend_port"))))
                .toList();
    }

    /** Ports that two allocations of one pool hold, in any role; the schema must make this impossible. */
    static List<List<String>> portsHeldTwice(TestDatabase database) {
        return database.rows("""
                SELECT pool, port, count(*) FROM (
                    SELECT pool, backend_port AS port FROM allocation
                    UNION ALL SELECT pool, frontend_port FROM allocation) AS ports
                GROUP BY pool, port HAVING count(*) > 1""");
    }

    /** Asks for the key's pair as a generator job does. */
    static Response allocate(String model, int appNumber) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("model", model, "appNumber", appNumber))
                .when().post("/api/v1/allocations");
    }

    /** Builds one file entry as JSON. */
    static String entry(String model, int appNumber, int backendPort, int frontendPort) {
        return "{\"model\":\"%s\",\"app_number\":%d,\"backend_port\":%d,\"frontend_port\":%d}".formatted(model, appNumber,
                backendPort, frontendPort);
    }

    /** Builds a file of the given entries. */
    static String file(String... entries) {
        return "[" + String.join(",", entries) + "]";
    }
}
