package dev.portalloc.stress;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.portalloc.stress.Exchange.Key;
import dev.portalloc.stress.Exchange.Operation;

/**
 * Calls the allocation API of a replica and records every exchange, including requests that got no response. Keys with an even
 * app
 * number name their pool; the others leave the choice to the service's model patterns.
 */
final class AllocationClient {

    /** A request that takes longer than this counts as hung and is recorded without a response. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String API = "/api/v1/allocations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    AllocationClient(HttpClient http) {
        this.http = http;
    }

    /** Every exchange recorded so far, in the order the responses arrived. */
    Queue<Exchange> exchanges() {
        return exchanges;
    }

    Exchange allocate(String scenario, Replica replica, Key key) {
        ObjectNode body = JSON.createObjectNode().put("model", key.model()).put("appNumber", key.appNumber());
        if (namesPool(key)) {
            body.put("pool", key.pool());
        }
        HttpRequest request = HttpRequest.newBuilder(replica.uri(API))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .timeout(REQUEST_TIMEOUT).build();
        return send(scenario, Operation.ALLOCATE, replica, key, request);
    }

    Exchange lookup(String scenario, Replica replica, Key key) {
        HttpRequest request = HttpRequest.newBuilder(replica.uri(API + "/lookup?" + query(key)))
                .timeout(REQUEST_TIMEOUT).build();
        return send(scenario, Operation.LOOKUP, replica, key, request);
    }

    Exchange release(String scenario, Replica replica, Key key) {
        HttpRequest request = HttpRequest.newBuilder(replica.uri(API + "?" + query(key)))
                .DELETE().timeout(REQUEST_TIMEOUT).build();
        return send(scenario, Operation.RELEASE, replica, key, request);
    }

    private Exchange send(String scenario, Operation operation, Replica replica, Key key, HttpRequest request) {
        long start = System.nanoTime();
        Exchange exchange;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            exchange = toExchange(scenario, operation, replica, key, response, start);
        } catch (IOException e) {
            exchange = new Exchange(scenario, operation, key, replica.index(), Exchange.NO_RESPONSE, 0, 0, null, null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
        exchanges.add(exchange);
        return exchange;
    }

    private static Exchange toExchange(String scenario, Operation operation, Replica replica, Key key,
            HttpResponse<String> response, long start) {
        long end = System.nanoTime();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        String error = null;
        if ((status == 200 || status == 201) && operation != Operation.RELEASE && !describesKey(body, key)) {
            error = "response names another key: " + response.body();
        }
        return new Exchange(scenario, operation, key, replica.index(), status, body.path("backendPort").asInt(),
                body.path("frontendPort").asInt(), contentType, body.path("type").asText(null), retryAfter, error, start,
                end);
    }

    private static boolean describesKey(JsonNode body, Key key) {
        return key.pool().equals(body.path("pool").asText()) && key.model().equals(body.path("model").asText())
                && key.appNumber() == body.path("appNumber").asInt();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsed", body);
        }
    }

    private static boolean namesPool(Key key) {
        return key.appNumber() % 2 == 0;
    }

    private static String query(Key key) {
        String query = "model=" + URLEncoder.encode(key.model(), StandardCharsets.UTF_8) + "&appNumber=" + key.appNumber();
        return namesPool(key) ? query + "&pool=" + URLEncoder.encode(key.pool(), StandardCharsets.UTF_8) : query;
    }
}
