package dev.portalloc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A thread-safe client of the allocation API for tests with many concurrent callers, where REST Assured's static
 * configuration is awkward. Pass the application's root URI, for example from {@code @TestHTTPResource("/")}.
 */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI allocations;

    public ApiClient(URI root) {
        this.allocations = root.resolve("/api/v1/allocations");
    }

    /** POSTs a get-or-allocate request; {@code pool} may be null. */
    public Reply allocate(String pool, String model, int appNumber) {
        var body = JSON.createObjectNode().put("model", model).put("appNumber", appNumber);
        if (pool != null) {
            body.put("pool", pool);
        }
        return send(HttpRequest.newBuilder(allocations)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** DELETEs one key's allocation. */
    public Reply release(String pool, String model, int appNumber) {
        URI uri = URI.create(allocations + "?pool=%s&model=%s&appNumber=%d".formatted(encode(pool), encode(model), appNumber));
        return send(HttpRequest.newBuilder(uri).DELETE());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the service", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Status and body of a response. */
    public record Reply(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("response body is not JSON: " + body, e);
            }
        }

        public int backendPort() {
            return json().path("backendPort").asInt(-1);
        }

        public int frontendPort() {
            return json().path("frontendPort").asInt(-1);
        }
    }
}
