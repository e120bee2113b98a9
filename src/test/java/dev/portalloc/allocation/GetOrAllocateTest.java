package dev.portalloc.allocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class GetOrAllocateTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void firstThreeKeysGetOldLayout() {
        allocate("openai_gpt-4", 1).then().statusCode(201).body("backendPort", equalTo(5001)).body("frontendPort",
                equalTo(8001));
        allocate("anthropic_claude-3.5-sonnet", 1).then().statusCode(201).body("backendPort", equalTo(5003))
                .body("frontendPort", equalTo(8003));
        allocate("openai_gpt-4", 2).then().statusCode(201).body("backendPort", equalTo(5005)).body("frontendPort",
                equalTo(8005));
    }

    @Test
    void createdAnswerHasBodyAndLocation() {
        Response created = allocate("openai_gpt-4", 7);

        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/allocations/lookup?pool=default&model=openai_gpt-4&appNumber=7"))
                .body("pool", equalTo("default"))
                .body("model", equalTo("openai_gpt-4"))
                .body("appNumber", equalTo(7))
                .body("createdAt", notNullValue());

        given().when().get(created.header("Location")).then().statusCode(200).body("backendPort", equalTo(5001));
    }

    @Test
    void repeatedCallReturnsSamePair() {
        Response first = allocate("meta-llama/Llama-3.1-70B-Instruct", 3);
        Response second = allocate("meta-llama/Llama-3.1-70B-Instruct", 3);

        first.then().statusCode(201);
        second.then().statusCode(200);
        assertEquals(first.jsonPath().getInt("backendPort"), second.jsonPath().getInt("backendPort"));
        assertEquals(first.jsonPath().getInt("frontendPort"), second.jsonPath().getInt("frontendPort"));
        assertEquals(first.jsonPath().getString("createdAt"), second.jsonPath().getString("createdAt"));
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void realNamesRoundTripExactly() {
        List<String> names = List.of("meta-llama/Llama-3.1-70B-Instruct", "openai_gpt-4", "anthropic_claude-3.5-sonnet",
                "qwen/qwen-2.5:72b@q4", "模型-中文", "a b", "x".repeat(200), "emoji-😀-".repeat(20).substring(0, 100));
        for (String name : names) {
            Response created = allocate(name, 1);
            created.then().statusCode(201).body("model", equalTo(name));

            given().queryParam("model", name).queryParam("appNumber", 1)
                    .when().get("/api/v1/allocations/lookup")
                    .then().statusCode(200)
                    .body("model", equalTo(name))
                    .body("backendPort", equalTo(created.jsonPath().getInt("backendPort")));

            given().urlEncodingEnabled(false)
                    .when().get(created.header("Location"))
                    .then().statusCode(200).body("model", equalTo(name));
        }
        assertEquals(names, database.rows("SELECT model FROM allocation ORDER BY id").stream().map(row -> row.get(0))
                .toList());
    }

    @Test
    void lookupOfUnknownKeyIsNotFoundAndWritesNothing() {
        given().queryParam("model", "openai_gpt-4").queryParam("appNumber", 1)
                .when().get("/api/v1/allocations/lookup")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no allocation for model 'openai_gpt-4' app 1"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
        assertEquals(0, database.count("SELECT count(*) FROM port_pool"));
    }

    @Test
    void slotWithHeldPortIsSkipped() {
        // Ports held outside the sequence, as an import leaves them: 5003 as a frontend, 8005 as a backend.
        database.execute("INSERT INTO port_pool (name) VALUES ('default')");
        database.execute("INSERT INTO allocation (pool, model, app_number, backend_port, frontend_port)"
                + " VALUES ('default', 'legacy', 1, 8005, 5003)");

        allocate("m", 1).then().statusCode(201).body("backendPort", equalTo(5001)).body("frontendPort", equalTo(8001));
        allocate("m", 2).then().statusCode(201).body("backendPort", equalTo(5007)).body("frontendPort", equalTo(8007));
    }

    static Response allocate(String model, int appNumber) {
        return given().contentType(ContentType.JSON)
                .body(new AllocationRequest(null, model, appNumber))
                .when().post("/api/v1/allocations");
    }
}
