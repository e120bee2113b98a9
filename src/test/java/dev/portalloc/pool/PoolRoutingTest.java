package dev.portalloc.pool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(PoolsProfile.class)
class PoolRoutingTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void namedPoolUsesItsOwnRanges() {
        allocate("gpu-hosts", "openai_gpt-4", 1).then().statusCode(201)
                .body("pool", equalTo("gpu-hosts"))
                .body("backendPort", equalTo(20000))
                .body("frontendPort", equalTo(21000));
        allocate("gpu-hosts", "openai_gpt-4", 2).then().statusCode(201)
                .body("backendPort", equalTo(20001))
                .body("frontendPort", equalTo(21001));
        allocate(null, "openai_gpt-4", 1).then().statusCode(201)
                .body("pool", equalTo("default"))
                .body("backendPort", equalTo(5001))
                .body("frontendPort", equalTo(8001));
    }

    @Test
    void twoPoolsHoldSamePort() {
        allocate("default", "openai_gpt-4", 1).then().statusCode(201).body("backendPort", equalTo(5001));
        allocate("mirror", "anthropic_claude-3.5-sonnet", 1).then().statusCode(201)
                .body("pool", equalTo("mirror"))
                .body("backendPort", equalTo(5001))
                .body("frontendPort", equalTo(8001));

        assertEquals(List.of(List.of("default", "openai_gpt-4", "1", "5001", "8001"),
                List.of("mirror", "anthropic_claude-3.5-sonnet", "1", "5001", "8001")), database.allocations());
    }

    @Test
    void sameKeyInTwoPoolsIsTwoAllocations() {
        allocate("gpu-hosts", "m", 1).then().statusCode(201).body("backendPort", equalTo(20000));
        allocate("tiny", "m", 1).then().statusCode(201).body("backendPort", equalTo(40000));
        allocate("gpu-hosts", "m", 1).then().statusCode(200).body("backendPort", equalTo(20000));

        lookup("tiny", "m", 1).then().statusCode(200).body("pool", equalTo("tiny")).body("backendPort", equalTo(40000));
        lookup(null, "m", 1).then().statusCode(404);
        assertEquals(2, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void modelPatternChoosesPool() {
        allocate(null, "meta-llama/Llama-3.1-70B-Instruct", 1).then().statusCode(201)
                .body("pool", equalTo("llama"))
                .body("backendPort", equalTo(30000))
                .body("frontendPort", equalTo(30100));
        allocate(null, "code-llama-13b", 1).then().statusCode(201).body("pool", equalTo("llama"));
        // The patterns must match the whole name.
        allocate(null, "my-meta-llama/x", 1).then().statusCode(201).body("pool", equalTo("default"));
        // A named pool wins over the patterns.
        allocate("gpu-hosts", "meta-llama/Llama-3.1-70B-Instruct", 1).then().statusCode(201)
                .body("pool", equalTo("gpu-hosts"));

        lookup(null, "meta-llama/Llama-3.1-70B-Instruct", 1).then().statusCode(200)
                .body("pool", equalTo("llama"))
                .body("backendPort", equalTo(30000));
    }

    @Test
    void unknownPoolIsRejectedAndChangesNothing() {
        allocate("gpu-hosts", "m", 1).then().statusCode(201);
        List<List<String>> before = database.allocations();

        allocate("gpu", "m", 2).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pool"))
                .body("errors[0].message", containsString("'gpu' is not one"))
                .body("detail", containsString("pool must name a configured pool, but 'gpu' is not one; configured pools:"
                        + " default, gpu-hosts, llama, mirror, moved, reserving, tiny, wide"));
        lookup("gpu", "m", 1).then().statusCode(400).body("errors[0].field", equalTo("pool"));
        given().queryParam("pool", "gpu").queryParam("model", "m").queryParam("appNumber", 1)
                .when().delete("/api/v1/allocations")
                .then().statusCode(400).body("errors[0].field", equalTo("pool"));

        assertEquals(before, database.allocations());
        assertEquals(List.of(List.of("gpu-hosts")), database.rows("SELECT name FROM port_pool"));
    }

    @Test
    void invalidPoolNameIsRejected() {
        allocate("gpu hosts", "m", 1).then().statusCode(400)
                .body("errors[0].field", equalTo("pool"))
                .body("errors[0].message", equalTo("must be 1 to 64 letters, digits, '.', '_' or '-'"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void poolsDoNotWaitForEachOther() throws Exception {
        allocate("gpu-hosts", "m", 1).then().statusCode(201);
        allocate("tiny", "m", 1).then().statusCode(201);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT * FROM port_pool WHERE name = 'gpu-hosts' FOR NO KEY UPDATE");

            allocate("tiny", "m", 2).then().statusCode(201).body("backendPort", equalTo(40001));
            allocate("gpu-hosts", "m", 2).then().statusCode(503)
                    .header("Retry-After", "1")
                    .body("type", containsString("lock-timeout"));

            connection.rollback();
        }
        allocate("gpu-hosts", "m", 2).then().statusCode(201).body("backendPort", equalTo(20001));
        assertTrue(database.allocations().contains(List.of("tiny", "m", "2", "40001", "40101")));
    }

    static Response allocate(String pool, String model, int appNumber) {
        Map<String, Object> body = pool == null ? Map.of("model", model, "appNumber", appNumber)
                : Map.of("pool", pool, "model", model, "appNumber", appNumber);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/allocations");
    }

    static Response lookup(String pool, String model, int appNumber) {
        var request = given().queryParam("model", model).queryParam("appNumber", appNumber);
        if (pool != null) {
            request.queryParam("pool", pool);
        }
        return request.when().get("/api/v1/allocations/lookup");
    }
}
