package dev.portalloc.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Without configured tokens, as in local use and the default test profile, the API needs no token. */
@QuarkusTest
class OpenAccessTest {

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void everyOperationWorksWithoutToken() {
        given().contentType(ContentType.JSON).body("{\"model\":\"m\",\"appNumber\":1}")
                .when().post("/api/v1/allocations")
                .then().statusCode(201);
        given().queryParam("model", "m").queryParam("appNumber", 1)
                .when().get("/api/v1/allocations/lookup")
                .then().statusCode(200).body("backendPort", equalTo(5001));
        given().queryParam("model", "m").queryParam("appNumber", 1)
                .when().delete("/api/v1/allocations")
                .then().statusCode(204);

        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void presentedTokenIsIgnored() {
        // A client configured for a protected deployment keeps working against a local one.
        given().header("Authorization", "Bearer " + TokensConfigured.UNKNOWN_TOKEN)
                .contentType(ContentType.JSON).body("{\"model\":\"m\",\"appNumber\":1}")
                .when().post("/api/v1/allocations")
                .then().statusCode(201);
        given().header("Authorization", "Bearer " + TokensConfigured.UNKNOWN_TOKEN)
                .queryParam("model", "m").queryParam("all", true)
                .when().delete("/api/v1/allocations")
                .then().statusCode(200).body("released", equalTo(1));
    }
}
