package dev.portalloc.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends the command line's requests to the service and turns transport failures into {@link CliFailure}s. */
final class ServiceClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** An import sends its whole file in one request. NOTE: 120 s is an estimate of the longest import, not measured. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final String token;

    /** {@code token} may be null; it is sent as {@code Authorization: Bearer} and never shown. */
    ServiceClient(URI baseUri, String token) {
        String base = baseUri.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    ServiceResponse get(String path, Map<String, String> query) {
        return send(request(path, query).GET());
    }

    ServiceResponse delete(String path, Map<String, String> query) {
        return send(request(path, query).DELETE());
    }

    ServiceResponse post(String path, Map<String, String> query, String jsonBody) {
        return send(request(path, query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, Map<String, String> query) {
        String queryString = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + path + (queryString.isEmpty() ? "" : "?" + queryString));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept",
                "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private ServiceResponse send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ServiceResponse(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new CliFailure(ExitCodes.SERVICE_FAILURE, "the service at %s did not respond in time (%s)"
                    .formatted(baseUrl, e.getMessage()));
        } catch (ConnectException e) {
            throw new CliFailure(ExitCodes.SERVICE_FAILURE, "cannot reach the service at %s: %s; check --url or %s"
                    .formatted(baseUrl, describe(e), OperatorCli.URL_VARIABLE));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.SERVICE_FAILURE,
                    "the request to the service at %s failed: %s".formatted(baseUrl, describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.SERVICE_FAILURE, "interrupted while waiting for the service");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Returns the first message in the cause chain, else the name of the innermost cause. */
    private static String describe(IOException e) {
        Throwable innermost = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
            innermost = cause;
        }
        // The JDK 17 HttpClient reports a refused connection as a message-less ConnectException caused by a
        // ClosedChannelException (seen in CliStubTest). NOTE: the unknown-host branch is untested; it assumes that
        // java.nio's UnresolvedAddressException, which carries no message, is the innermost cause.
        if (innermost instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return e instanceof ConnectException ? "connection refused or closed" : innermost.getClass().getSimpleName();
    }
}
