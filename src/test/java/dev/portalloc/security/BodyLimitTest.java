package dev.portalloc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.portalloc.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The default limits: 16 KiB for every API body except imports, 10 MiB for imports. Oversized bodies are sent chunked
 * without a Content-Length, which a client may use to get past a check of the header alone, and are declared in a
 * Content-Length that the server must reject before any of the body arrives.
 */
@QuarkusTest
class BodyLimitTest {

    static final int REQUEST_LIMIT = 16 * 1024;
    static final int IMPORT_LIMIT = 10 * 1024 * 1024;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/v1/allocations")
    URI allocations;

    @TestHTTPResource("/api/v1/allocations/import")
    URI imports;

    @TestHTTPResource("/q/health/live")
    URI health;

    @Inject
    TestDatabase database;

    @BeforeEach
    void clearDatabase() {
        database.clear();
    }

    @Test
    void allocationBodyAtLimitIsAccepted() throws Exception {
        assertEquals(201, post(allocations, BodyPublishers.ofByteArray(allocationBody(REQUEST_LIMIT))).statusCode());
        assertEquals(201, post(allocations, chunked(allocationBody(REQUEST_LIMIT, 2))).statusCode());
        assertEquals(2, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void allocationBodyOneByteOverIsRejected() throws Exception {
        byte[] body = allocationBody(REQUEST_LIMIT + 1);

        assertTooLarge(post(allocations, BodyPublishers.ofByteArray(body)), REQUEST_LIMIT, "portalloc.limits.max-body-size");
        assertTooLarge(post(allocations, chunked(body)), REQUEST_LIMIT, "portalloc.limits.max-body-size");
        assertTooLarge(RawResponse.ofHeadersOnly(allocations, REQUEST_LIMIT + 1), REQUEST_LIMIT,
                "portalloc.limits.max-body-size");
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void http2BodiesAreLimited() throws Exception {
        // The JDK client upgrades a plain-text connection to HTTP/2 (h2c) on a first request without a body.
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgrade = http2.send(HttpRequest.newBuilder(health).build(), BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, upgrade.version());

        HttpResponse<String> accepted = http2.send(postRequest(allocations, chunked(allocationBody(REQUEST_LIMIT))),
                BodyHandlers.ofString());
        HttpResponse<String> streamed = http2.send(postRequest(allocations, chunked(allocationBody(REQUEST_LIMIT + 1))),
                BodyHandlers.ofString());
        HttpResponse<String> declared = http2.send(
                postRequest(allocations, BodyPublishers.ofByteArray(allocationBody(REQUEST_LIMIT + 1))),
                BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_2, accepted.version());
        assertEquals(201, accepted.statusCode(), accepted.body());
        assertTooLarge(streamed, REQUEST_LIMIT, "portalloc.limits.max-body-size");
        assertTooLarge(declared, REQUEST_LIMIT, "portalloc.limits.max-body-size");
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void releaseBodyOverLimitIsRejected() throws Exception {
        post(allocations, BodyPublishers.ofByteArray(allocationBody(100)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(allocations + "?model=m&appNumber=1"))
                .method("DELETE", BodyPublishers.ofByteArray(new byte[REQUEST_LIMIT + 1]))
                .build();

        assertTooLarge(client.send(request, BodyHandlers.ofString()), REQUEST_LIMIT, "portalloc.limits.max-body-size");
        assertEquals(1, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void importBodyOverRequestLimitIsRead() throws Exception {
        HttpResponse<String> declared = post(imports, BodyPublishers.ofByteArray(importBody(REQUEST_LIMIT + 1, 1)));
        HttpResponse<String> chunked = post(imports, chunked(importBody(REQUEST_LIMIT + 1, 2)));

        assertEquals(200, declared.statusCode(), declared.body());
        assertEquals(200, chunked.statusCode(), chunked.body());
        assertEquals(2, database.count("SELECT count(*) FROM allocation"));
    }

    @Test
    void importBodyOneByteOverIsRejected() throws Exception {
        assertTooLarge(post(imports, chunked(jsonArray(IMPORT_LIMIT + 1))), IMPORT_LIMIT,
                "portalloc.limits.max-import-body-size");
        assertTooLarge(RawResponse.ofHeadersOnly(imports, IMPORT_LIMIT + 1), IMPORT_LIMIT,
                "portalloc.limits.max-import-body-size");
        assertEquals(0, database.count("SELECT count(*) FROM allocation"));
    }

    private HttpResponse<String> post(URI uri, BodyPublisher body) throws IOException, InterruptedException {
        return client.send(postRequest(uri, body), BodyHandlers.ofString());
    }

    private static HttpRequest postRequest(URI uri, BodyPublisher body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(body).build();
    }

    private static void assertTooLarge(HttpResponse<String> response, int limit, String key) {
        assertTooLarge(new RawResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body()), limit, key);
    }

    private static void assertTooLarge(RawResponse response, int limit, String key) {
        assertEquals(413, response.status(), response.body());
        assertEquals("application/problem+json", response.contentType());
        assertTrue(response.body().contains("\"status\":413"), response.body());
        assertTrue(response.body().contains("larger than " + limit + " bytes"), response.body());
        assertTrue(response.body().contains(key), response.body());
    }

    /** Sends the body without a Content-Length, in chunks. */
    private static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** Builds a valid get-or-allocate body of exactly {@code size} bytes, padded with JSON whitespace. */
    private static byte[] allocationBody(int size) {
        return allocationBody(size, 1);
    }

    private static byte[] allocationBody(int size, int appNumber) {
        String json = "{\"model\":\"m\",\"appNumber\":%d}".formatted(appNumber);
        return (" ".repeat(size - json.length()) + json).getBytes(StandardCharsets.US_ASCII);
    }

    /** Builds an import of one entry, app {@code appNumber} of model "legacy", of exactly {@code size} bytes. */
    private static byte[] importBody(int size, int appNumber) {
        String json = "[{\"model\":\"legacy\",\"app_number\":%d,\"backend_port\":%d,\"frontend_port\":%d}]"
                .formatted(appNumber, 6000 + appNumber, 9000 + appNumber);
        return (" ".repeat(size - json.length()) + json).getBytes(StandardCharsets.US_ASCII);
    }

    /** Builds an empty JSON array of exactly {@code size} bytes, padded with JSON whitespace. */
    private static byte[] jsonArray(int size) {
        return ("[" + " ".repeat(size - 2) + "]").getBytes(StandardCharsets.US_ASCII);
    }
}
