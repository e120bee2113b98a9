package dev.portalloc.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsOpenApiTest {

    @Test
    void openApiDescribesOperatorEndpoints() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/allocations/check"))
                .body("paths", hasKey("/api/v1/allocations/stats"))
                .body("paths.'/api/v1/allocations'.get.summary", notNullValue())
                .body("paths.'/api/v1/allocations'.get.responses", hasKey("400"))
                .body("paths.'/api/v1/allocations/check'.get.responses", hasKey("503"))
                .body("paths.'/api/v1/allocations/stats'.get.responses", hasKey("200"));
    }
}
