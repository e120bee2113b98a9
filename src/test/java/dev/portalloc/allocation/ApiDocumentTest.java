package dev.portalloc.allocation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document at /q/openapi describes every operation of the API with its responses and problems. */
@QuarkusTest
class ApiDocumentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> ALLOCATION_OPERATIONS = Set.of("POST /api/v1/allocations",
            "DELETE /api/v1/allocations", "GET /api/v1/allocations/lookup");

    private static JsonPath document;

    /** Fetches the document once per class, in the first test, because REST Assured gets the test port only then. */
    @BeforeEach
    void fetchDocument() {
        if (document == null) {
            document = given().queryParam("format", "json").when().get("/q/openapi")
                    .then().statusCode(200).extract().jsonPath();
        }
    }

    @Test
    void listsEveryOperation() {
        assertEquals(resourceOperations(), operations());
    }

    @Test
    void apiDescribed() {
        assertEquals("port-allocator", document.getString("info.title"));
        assertFalse(document.getString("info.description").isBlank(), "no description of the API");
    }

    @Test
    void everyOperationDescribed() {
        for (String operation : operations()) {
            Map<String, Object> described = operation(operation);
            assertFalse(String.valueOf(described.get("summary")).isBlank(), operation + " has no summary");
            assertFalse(String.valueOf(described.get("description")).isBlank(), operation + " has no description");
        }
    }

    @Test
    void allocationOperationsListProblems() {
        for (String operation : ALLOCATION_OPERATIONS) {
            Map<String, Object> responses = responses(operation);
            for (String status : Set.of("400", "500", "503")) {
                assertTrue(responses.containsKey(status), operation + " lacks " + status);
                assertProblemResponse(operation, status, responses.get(status));
            }
        }
    }

    @Test
    void domainProblemsListed() {
        assertTrue(responses("POST /api/v1/allocations").containsKey("409"), "exhaustion");
        assertTrue(responses("GET /api/v1/allocations/lookup").containsKey("404"), "look-up of a key without pair");
        assertTrue(responses("DELETE /api/v1/allocations").containsKey("404"), "release of a key without pair");
    }

    @Test
    void successAnswersHaveExamples() {
        assertExample("POST /api/v1/allocations", "201");
        assertExample("POST /api/v1/allocations", "200");
        assertExample("GET /api/v1/allocations/lookup", "200");
        assertExample("DELETE /api/v1/allocations", "200");
        assertTrue(responses("DELETE /api/v1/allocations").containsKey("204"), "release of one key");
    }

    @Test
    void swaggerUiServedInTests() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** "METHOD /path" of every operation that a REST resource of the application declares. */
    private static Set<String> resourceOperations() {
        Set<String> operations = new TreeSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path resource = bean.getBeanClass().getAnnotation(Path.class);
            if (resource == null || !bean.getBeanClass().getPackageName().startsWith("dev.portalloc")) {
                continue;
            }
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                Arrays.stream(method.getAnnotations())
                        .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                        .filter(Objects::nonNull)
                        .forEach(verb -> operations.add(verb.value() + " " + resource.value()
                                + (path == null ? "" : "/" + path.value().replaceFirst("^/", ""))));
            }
        }
        return operations;
    }

    /** "METHOD /path" of every operation of the document under /api/. */
    private static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch").contains(method))
                .filter(method -> path.startsWith("/api/"))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static Map<String, Object> operation(String operation) {
        String[] parts = operation.split(" ");
        return document.getMap("paths.'" + parts[1] + "'." + parts[0].toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(String operation) {
        return (Map<String, Object>) operation(operation).get("responses");
    }

    /** Asserts a problem response, given in place or as a reference to components/responses. */
    @SuppressWarnings("unchecked")
    private static void assertProblemResponse(String operation, String status, Object response) {
        Map<String, Object> body = (Map<String, Object>) response;
        Object reference = body.get("$ref");
        if (reference != null) {
            String name = reference.toString().substring(reference.toString().lastIndexOf('/') + 1);
            body = document.getMap("components.responses." + name);
            assertNotNull(body, operation + " " + status + " refers to a missing response " + reference);
        }
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body.get("content")).get(PROBLEM);
        assertNotNull(content, operation + " " + status + " is not " + PROBLEM);
        assertTrue(String.valueOf(content.get("schema")).contains("Problem"), operation + " " + status + " schema");
        assertNotNull(content.get("examples"), operation + " " + status + " has no example");
    }

    @SuppressWarnings("unchecked")
    private static void assertExample(String operation, String status) {
        Map<String, Object> response = (Map<String, Object>) responses(operation).get(status);
        assertNotNull(response, operation + " lacks " + status);
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) response.get("content"))
                .get("application/json");
        assertNotNull(json, operation + " " + status + " has no JSON body");
        assertNotNull(json.get("examples"), operation + " " + status + " has no example");
    }
}
