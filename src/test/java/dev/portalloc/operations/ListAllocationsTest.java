package dev.portalloc.operations;

import static dev.portalloc.testing.AllocationFixtures.allocate;
import static dev.portalloc.testing.AllocationFixtures.insert;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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
class ListAllocationsTest {

    private static final String PATH = "/api/v1/allocations";

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void emptyDatabaseGivesEmptyPage() {
        given()
                .when().get(PATH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("items", empty())
                .body("total", equalTo(0))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void itemsSortedByKey() {
        allocate("beta", 2);
        allocate("alpha", 10);
        allocate("beta", 1);
        allocate("alpha", 9);
        insert(database, "aaa-legacy", "zeta", 1, 30001, 30002);

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.pool", contains("aaa-legacy", "default", "default", "default", "default"))
                .body("items.model", contains("zeta", "alpha", "alpha", "beta", "beta"))
                .body("items.appNumber", contains(1, 9, 10, 1, 2));
    }

    @Test
    void itemsCarryKeyPortsAndCreationTime() {
        allocate("openai_gpt-4", 3);

        given()
                .when().get(PATH)
                .then().statusCode(200)
                .body("items[0].pool", equalTo("default"))
                .body("items[0].model", equalTo("openai_gpt-4"))
                .body("items[0].appNumber", equalTo(3))
                .body("items[0].backendPort", equalTo(5001))
                .body("items[0].frontendPort", equalTo(8001))
                .body("items[0].createdAt", notNullValue());
    }

    @Test
    void filtersCombine() {
        allocate("meta-llama/Llama-3.1-70B-Instruct", 1);
        allocate("meta-llama/Llama-3.1-70B-Instruct", 2);
        allocate("openai_gpt-4", 1);
        insert(database, "legacy", "openai_gpt-4", 1, 30001, 30002);

        given().queryParam("model", "meta-llama/Llama-3.1-70B-Instruct")
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.appNumber", contains(1, 2));
        given().queryParam("appNumber", 1)
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", equalTo(3));
        given().queryParam("model", "openai_gpt-4").queryParam("pool", "legacy")
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].backendPort", equalTo(30001));
        given().queryParam("model", "openai_gpt-4").queryParam("appNumber", 2)
                .when().get(PATH)
                .then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", empty());
    }

    @Test
    void pagesSplitTheSortedList() {
        for (int app = 1; app <= 5; app++) {
            allocate("m", app);
        }

        given().queryParam("page", 0).queryParam("size", 2)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.appNumber", contains(1, 2))
                .body("total", equalTo(5))
                .body("page", equalTo(0))
                .body("size", equalTo(2));
        given().queryParam("page", 2).queryParam("size", 2)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.appNumber", contains(5))
                .body("total", equalTo(5));
        given().queryParam("page", 3).queryParam("size", 2)
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(5));
    }

    @Test
    void largestPageSizeIsAccepted() {
        allocate("m", 1);

        given().queryParam("size", 1000)
                .when().get(PATH)
                .then().statusCode(200)
                .body("size", equalTo(1000))
                .body("total", equalTo(1));
    }

    @Test
    void invalidParametersAreRejectedByName() {
        allocate("m", 1);
        List<List<String>> before = database.allocations();
        List<String[]> cases = List.of(
                new String[] { "page", "-1", "page" },
                new String[] { "page", "x", "page" },
                new String[] { "page", "2147483647", "page" },
                new String[] { "size", "0", "size" },
                new String[] { "size", "1001", "size" },
                new String[] { "size", "1.5", "size" },
                new String[] { "appNumber", "0", "appNumber" },
                new String[] { "appNumber", "abc", "appNumber" },
                new String[] { "pool", "no spaces", "pool" },
                new String[] { "model", " padded", "model" });
        for (String[] invalid : cases) {
            Response response = given().queryParam(invalid[0], invalid[1]).when().get(PATH);

            String label = invalid[0] + "=" + invalid[1];
            assertEquals(400, response.statusCode(), label);
            assertEquals("application/problem+json", response.contentType(), label);
            assertEquals(invalid[2], response.jsonPath().getString("errors[0].field"), label);
        }
        assertEquals(before, database.allocations());
    }

    @Test
    void pageBeyondOffsetRangeNamesItsLimit() {
        given().queryParam("page", 2147484).queryParam("size", 1000)
                .when().get(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", equalTo("must be an integer from 0 to 2147483 for size 1000"));
    }
}
