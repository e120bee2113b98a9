package dev.portalloc.allocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RequestValidationTest {

    @Inject
    TestDatabase database;

    private List<List<String>> before;

    @BeforeEach
    void seedOneAllocation() {
        database.clear();
        GetOrAllocateTest.allocate("existing", 1).then().statusCode(201);
        before = database.allocations();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"appNumber\": 1}", "model", "is required"),
                Arguments.of("{\"model\": null, \"appNumber\": 1}", "model", "is required"),
                Arguments.of("{\"model\": \"\", \"appNumber\": 1}", "model", "must be 1 to 200 characters long"),
                Arguments.of("{\"model\": \"" + "m".repeat(201) + "\", \"appNumber\": 1}", "model",
                        "must be 1 to 200 characters long, but has 201"),
                Arguments.of("{\"model\": \" gpt\", \"appNumber\": 1}", "model", "must not start or end with whitespace"),
                Arguments.of("{\"model\": \"gpt\\t\", \"appNumber\": 1}", "model", "must not contain control characters"),
                Arguments.of("{\"model\": \"a\\u0000b\", \"appNumber\": 1}", "model", "must not contain control characters"),
                Arguments.of("{\"model\": \"a\\nb\", \"appNumber\": 1}", "model", "must not contain control characters"),
                Arguments.of("{\"model\": \"a\\ud800b\", \"appNumber\": 1}", "model", "unpaired surrogates"),
                Arguments.of("{\"model\": 42, \"appNumber\": 1}", "model", "must be a JSON string"),
                Arguments.of("{\"model\": \"gpt\"}", "appNumber", "is required"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": null}", "appNumber", "is required"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": \"1\"}", "appNumber", "must be a JSON integer"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 1.5}", "appNumber", "must be a JSON integer"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 1e3}", "appNumber", "must be a JSON integer"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": true}", "appNumber", "must be a JSON integer"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 0}", "appNumber", AppNumbers.RULE),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": -1}", "appNumber", AppNumbers.RULE),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 2147483648}", "appNumber", "2147483648"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 1, \"pool\": \"no such pool\"}", "pool",
                        "must be 1 to 64 letters"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 1, \"pool\": \"unknown\"}", "pool",
                        "must name a configured pool, but 'unknown' is not one"),
                Arguments.of("{\"model\": \"gpt\", \"appNumber\": 1", "body", "must be a JSON object"),
                Arguments.of("not json", "body", "must be a JSON object"),
                Arguments.of("[{\"model\": \"gpt\", \"appNumber\": 1}]", "body", "must be a JSON object"),
                Arguments.of("\"gpt\"", "body", "must be a JSON object"),
                Arguments.of("", "body", "is required"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidBodyIsRejected(String body, String field, String rule) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/allocations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(rule))
                .body("detail", containsString(field));

        assertEquals(before, database.allocations());
    }

    static Stream<Arguments> invalidLookups() {
        return Stream.of(
                Arguments.of(null, "1", "model", "is required"),
                Arguments.of("m".repeat(201), "1", "model", "must be 1 to 200 characters long"),
                Arguments.of(" gpt", "1", "model", "must not start or end with whitespace"),
                Arguments.of("gpt", null, "appNumber", "is required"),
                Arguments.of("gpt", "0", "appNumber", AppNumbers.RULE),
                Arguments.of("gpt", "-1", "appNumber", AppNumbers.RULE),
                Arguments.of("gpt", "1.5", "appNumber", AppNumbers.RULE),
                Arguments.of("gpt", "1e3", "appNumber", AppNumbers.RULE),
                Arguments.of("gpt", "2147483648", "appNumber", AppNumbers.RULE),
                Arguments.of("gpt", "abc", "appNumber", AppNumbers.RULE));
    }

    @ParameterizedTest
    @MethodSource("invalidLookups")
    void invalidLookupIsRejected(String model, String appNumber, String field, String rule) {
        var request = given();
        if (model != null) {
            request.queryParam("model", model);
        }
        if (appNumber != null) {
            request.queryParam("appNumber", appNumber);
        }
        request.when().get("/api/v1/allocations/lookup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(rule));

        assertEquals(before, database.allocations());
    }

    @org.junit.jupiter.api.Test
    void wrongContentTypeIsRejected() {
        given().contentType(ContentType.TEXT).body("{\"model\": \"gpt\", \"appNumber\": 1}")
                .when().post("/api/v1/allocations")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));

        assertEquals(before, database.allocations());
    }

    @org.junit.jupiter.api.Test
    void severalBrokenFieldsAreAllNamed() {
        given().contentType(ContentType.JSON).body("{\"model\": \"\", \"appNumber\": 0}")
                .when().post("/api/v1/allocations")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("appNumber", "model")));

        assertEquals(before, database.allocations());
    }
}
