package dev.portalloc.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * {@code portalloc.auth.protect-metrics} and {@code protect-openapi} put the metrics and the OpenAPI document behind a token.
 */
@QuarkusTest
@TestProfile(ProtectedEndpointsTest.MetricsAndOpenApiProtected.class)
class ProtectedEndpointsTest {

    public static class MetricsAndOpenApiProtected extends TokensConfigured {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("portalloc.auth.protect-metrics", "true");
            overrides.put("portalloc.auth.protect-openapi", "true");
            return overrides;
        }
    }

    @Test
    void metricsAndOpenApiNeedToken() {
        for (String path : List.of("/q/metrics", "/q/openapi")) {
            Response anonymous = given().when().get(path);
            assertEquals(401, anonymous.statusCode(), path);
            assertEquals("application/problem+json", anonymous.contentType(), path);

            assertEquals(401, given().auth().oauth2(TokensConfigured.UNKNOWN_TOKEN).get(path).statusCode(), path);
            assertEquals(200, given().auth().oauth2(TokensConfigured.ALLOCATOR_TOKEN).get(path).statusCode(), path);
            assertEquals(200, given().auth().oauth2(TokensConfigured.ADMIN_TOKEN).get(path).statusCode(), path);
        }
    }

    @Test
    void healthStaysOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            assertEquals(200, given().when().get(path).statusCode(), path);
        }
    }
}
