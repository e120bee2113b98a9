package dev.portalloc.legacy;

import static dev.portalloc.legacy.Imports.entry;
import static dev.portalloc.legacy.Imports.postImport;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class MalformedImportTest {

    /** Starts most bodies, so a body that is written despite a later error shows up in the table. */
    private static final String VALID = entry("m", 1, 6001, 9001);

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    /** Name, body, index of the broken entry (null: the whole body), field (null: the entry), expected reason. */
    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "[" + VALID + ", oops]", 1, null, "is not valid JSON at line 1"),
                Arguments.of("truncated", "[" + VALID + ", {\"model\":\"n\",\"app_", 1, null, "is truncated"),
                Arguments.of("truncated after entry", "[" + VALID + ",", 1, null, "is truncated"),
                Arguments.of("object, not array", VALID, null, null, "must be a JSON array of entries, but is a JSON object"),
                Arguments.of("entry not object", "[" + VALID + ", 5]", 1, null, "must be a JSON object, but is the integer 5"),
                Arguments.of("port as string",
                        "[" + VALID + ", {\"model\":\"n\",\"app_number\":1,\"backend_port\":\"6003\",\"frontend_port\":9003}]",
                        1, "backend_port", "must be a JSON integer, but is the string \"6003\""),
                Arguments.of("port as fraction",
                        "[" + VALID + ", {\"model\":\"n\",\"app_number\":1,\"backend_port\":6003,\"frontend_port\":9003.5}]",
                        1, "frontend_port", "must be a JSON integer, but is the number 9003.5"),
                Arguments.of("model as number",
                        "[" + VALID + ", {\"model\":7,\"app_number\":1,\"backend_port\":6003,\"frontend_port\":9003}]",
                        1, "model", "must be a JSON string, but is the integer 7"),
                Arguments.of("app number beyond 32 bits",
                        "[" + VALID
                                + ", {\"model\":\"n\",\"app_number\":2147483648,\"backend_port\":6003,\"frontend_port\":9003}]",
                        1, "app_number", "must be an integer from 1 to 2147483647, but 2147483648 is out of range"),
                Arguments.of("port beyond 32 bits",
                        "[" + VALID
                                + ", {\"model\":\"n\",\"app_number\":2,\"backend_port\":99999999999,\"frontend_port\":9003}]",
                        1, "backend_port", "must be an integer from 1 to 65535, but 99999999999 is out of range"),
                Arguments.of("duplicate field", "[" + VALID + ", {\"model\":\"n\",\"model\":\"o\"}]", 1, null,
                        "Duplicate field 'model'"),
                Arguments.of("content after array", "[" + VALID + "] []", null, null,
                        "must end after the array's closing ']', but has more content"),
                Arguments.of("blank body", "   ", null, null, "is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsBadRequest(String name, String body, Integer index, String field, String reason) {
        ValidatableResponse response = postImport(body).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:port-allocator:problem:invalid-request"))
                .body("detail", containsString(reason))
                .body("errors[0].message", containsString(reason));
        if (index == null) {
            response.body("index", nullValue()).body("errors[0].field", equalTo("body"));
        } else if (field == null) {
            response.body("index", equalTo(index)).body("field", nullValue()).body("errors[0].field",
                    equalTo("[" + index + "]"));
        } else {
            response.body("index", equalTo(index)).body("field", equalTo(field)).body("errors[0].field",
                    equalTo("[" + index + "]." + field));
        }

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void emptyBodyIsBadRequest() {
        given().contentType(ContentType.JSON).when().post(Imports.PATH).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("is empty"));

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String withExtras = "[{\"model\":\"m\",\"app_number\":1,\"backend_port\":6001,\"frontend_port\":9001,"
                + "\"is_available\":true,\"created_at\":\"2024-01-01T00:00:00\",\"notes\":{\"a\":[1,2,{\"b\":null}]}}]";

        postImport(withExtras).then().statusCode(200).body("imported", equalTo(1));

        assertEquals(1, database.count("SELECT count(*) FROM allocation WHERE backend_port = 6001"));
    }
}
