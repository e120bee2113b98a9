package dev.portalloc.security;

import static dev.portalloc.security.TokensConfigured.ADMIN_TOKEN;
import static dev.portalloc.security.TokensConfigured.ALLOCATOR_TOKEN;
import static dev.portalloc.security.TokensConfigured.SECOND_ALLOCATOR_TOKEN;
import static dev.portalloc.security.TokensConfigured.UNKNOWN_TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(TokensConfigured.class)
class AuthorizationTest {

    /** One request of the API, with the role it needs. */
    record Call(String method, String path, String body, String role) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Call GET_OR_ALLOCATE = new Call("POST", "/api/v1/allocations", "{\"model\":\"m\",\"appNumber\":2}",
            Roles.ALLOCATOR);
    static final Call LOOKUP = new Call("GET", "/api/v1/allocations/lookup?model=m&appNumber=1", null, Roles.ALLOCATOR);
    static final Call RELEASE = new Call("DELETE", "/api/v1/allocations?model=m&appNumber=1", null, Roles.ADMIN);
    static final Call RELEASE_MODEL = new Call("DELETE", "/api/v1/allocations?model=m&all=true", null, Roles.ADMIN);
    static final Call IMPORT = new Call("POST", "/api/v1/allocations/import",
            "[{\"model\":\"legacy\",\"app_number\":1,\"backend_port\":6001,\"frontend_port\":9001}]", Roles.ADMIN);
    static final Call LIST = new Call("GET", "/api/v1/allocations", null, Roles.ALLOCATOR);
    static final Call CHECK = new Call("GET", "/api/v1/allocations/check", null, Roles.ALLOCATOR);
    static final Call STATS = new Call("GET", "/api/v1/allocations/stats", null, Roles.ALLOCATOR);
    static final List<Call> PROTECTED = List.of(GET_OR_ALLOCATE, LOOKUP, RELEASE, RELEASE_MODEL, IMPORT, LIST, CHECK,
            STATS);

    @Inject
    TestDatabase database;

    @BeforeEach
    void seedOneAllocation() {
        database.clear();
        send(GET_OR_ALLOCATE.path(), "POST", "{\"model\":\"m\",\"appNumber\":1}", ADMIN_TOKEN).then().statusCode(201);
    }

    @Test
    void missingTokenIsUnauthorized() {
        List<List<String>> before = database.allocations();

        for (Call call : PROTECTED) {
            Response response = send(call, null);

            assertEquals(401, response.statusCode(), call.toString());
            assertEquals("application/problem+json", response.contentType(), call.toString());
            assertEquals(401, response.jsonPath().getInt("status"), call.toString());
            assertEquals("Bearer realm=\"port-allocator\"", response.header("WWW-Authenticate"), call.toString());
            assertTrue(response.jsonPath().getString("detail").contains("bearer token is required"), call.toString());
        }
        assertEquals(before, database.allocations());
    }

    @Test
    void unknownTokenIsUnauthorized() {
        List<List<String>> before = database.allocations();

        for (Call call : PROTECTED) {
            Response response = send(call, UNKNOWN_TOKEN);

            assertEquals(401, response.statusCode(), call.toString());
            assertEquals("application/problem+json", response.contentType(), call.toString());
            assertEquals("Bearer realm=\"port-allocator\", error=\"invalid_token\"", response.header("WWW-Authenticate"),
                    call.toString());
            assertTrue(response.jsonPath().getString("detail").contains("not valid"), call.toString());
            assertFalse(response.asString().contains(UNKNOWN_TOKEN), call.toString());
        }
        assertEquals(before, database.allocations());
    }

    @Test
    void allocatorTokenCannotChangeAllocations() {
        List<List<String>> before = database.allocations();

        for (Call call : List.of(RELEASE, RELEASE_MODEL, IMPORT)) {
            Response response = send(call, ALLOCATOR_TOKEN);

            assertEquals(403, response.statusCode(), call.toString());
            assertEquals("application/problem+json", response.contentType(), call.toString());
            assertEquals(403, response.jsonPath().getInt("status"), call.toString());
            assertTrue(response.jsonPath().getString("detail").contains("need an admin token"), call.toString());
            assertFalse(response.asString().contains(ALLOCATOR_TOKEN), call.toString());
        }
        assertEquals(before, database.allocations());
    }

    @Test
    void allocatorTokensAllocateAndLookUp() {
        send(GET_OR_ALLOCATE, ALLOCATOR_TOKEN).then().statusCode(201).body("backendPort", equalTo(5003));
        send(GET_OR_ALLOCATE, SECOND_ALLOCATOR_TOKEN).then().statusCode(200).body("backendPort", equalTo(5003));
        send(LOOKUP, ALLOCATOR_TOKEN).then().statusCode(200).body("backendPort", equalTo(5001));
        send(LOOKUP, SECOND_ALLOCATOR_TOKEN).then().statusCode(200).body("frontendPort", equalTo(8001));
    }

    @Test
    void adminTokenMayDoEverything() {
        send(GET_OR_ALLOCATE, ADMIN_TOKEN).then().statusCode(201).body("backendPort", equalTo(5003));
        send(LOOKUP, ADMIN_TOKEN).then().statusCode(200).body("backendPort", equalTo(5001));

        send(RELEASE, ADMIN_TOKEN).then().statusCode(204);
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));

        send(RELEASE_MODEL, ADMIN_TOKEN).then().statusCode(200).body("released", equalTo(1));
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void adminTokenImports() {
        send(IMPORT, ADMIN_TOKEN).then().statusCode(200).body("imported", equalTo(1));

        assertEquals(2, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void operatorReadsWorkWithEitherRole() {
        for (String token : List.of(ALLOCATOR_TOKEN, ADMIN_TOKEN)) {
            send(LIST, token).then().statusCode(200).body("total", equalTo(1));
            send(CHECK, token).then().statusCode(200).body("status", equalTo("clean"));
            send(STATS, token).then().statusCode(200);
        }
    }

    @Test
    void otherMethodsOnApiPathsNeedAdmin() {
        send("/api/v1/allocations", "PUT", "{}", ALLOCATOR_TOKEN).then().statusCode(403);
        send("/api/v1/allocations/lookup", "DELETE", null, ALLOCATOR_TOKEN).then().statusCode(403);
        send("/api/v1/not-yet-written", "POST", "{}", ALLOCATOR_TOKEN).then().statusCode(403);

        send("/api/v1/allocations", "PUT", "{}", ADMIN_TOKEN).then().statusCode(405);
        send("/api/v1/not-yet-written", "POST", "{}", ADMIN_TOKEN).then().statusCode(404);
        send("/api/v1/not-yet-written", "GET", null, ALLOCATOR_TOKEN).then().statusCode(404);
        send("/api/v1/not-yet-written", "GET", null, null).then().statusCode(401);
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        given().header("Authorization", "bearer " + ALLOCATOR_TOKEN)
                .when().get(LOOKUP.path())
                .then().statusCode(200);
    }

    @Test
    void otherSchemeCountsAsMissingToken() {
        given().header("Authorization", "Basic " + ALLOCATOR_TOKEN)
                .when().get(LOOKUP.path())
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"port-allocator\"");
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            for (String token : new String[] { null, UNKNOWN_TOKEN }) {
                assertEquals(200, with(token).get(path).statusCode(), path + " with token " + (token != null));
            }
        }
    }

    @Test
    void missingTokenIsCheckedBeforeBodySize() {
        String oversized = " ".repeat(64 * 1024) + GET_OR_ALLOCATE.body();

        send(GET_OR_ALLOCATE.path(), "POST", oversized, null).then().statusCode(401);
        send(GET_OR_ALLOCATE.path(), "POST", oversized, ALLOCATOR_TOKEN).then().statusCode(413);
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    private static Response send(Call call, String token) {
        return send(call.path(), call.method(), call.body(), token);
    }

    private static Response send(String path, String method, String body, String token) {
        RequestSpecification request = with(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(method, path);
    }

    private static RequestSpecification with(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
