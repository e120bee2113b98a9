package dev.portalloc.security;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import dev.portalloc.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * The body limit of each API path: {@code portalloc.limits.max-import-body-size} for imports, the much smaller
 * {@code portalloc.limits.max-body-size} for everything else. {@link DeclaredBodySizeCheck} applies it to a declared
 * Content-Length and {@link StreamedBodySizeLimit} to a body sent without one.
 */
@Singleton
class BodyLimits {

    static final String IMPORT_PATH = "/api/v1/allocations/import";
    private static final String IMPORT_KEY = "portalloc.limits.max-import-body-size";
    private static final String REQUEST_KEY = "portalloc.limits.max-body-size";

    private final LimitsConfig limits;

    BodyLimits(LimitsConfig limits) {
        this.limits = limits;
    }

    /** Returns the largest body, in bytes, that a request to {@code path} may send. */
    long limitFor(String path) {
        return IMPORT_PATH.equals(path) ? limits.maxImportBodySize().asLongValue() : limits.maxBodySize().asLongValue();
    }

    /** Describes a body over the limit of {@code path}, naming the limit and the property that sets it. */
    Problem tooLarge(String path) {
        String key = IMPORT_PATH.equals(path) ? IMPORT_KEY : REQUEST_KEY;
        String detail = "the request body is larger than %d bytes, the limit set by %s".formatted(limitFor(path), key);
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large", detail);
    }

    /**
     * Closes an HTTP/1.x connection once the response is sent, because the client may still be sending the rest of a
     * body that the service does not read. An HTTP/2 connection carries other requests and stays open.
     */
    static void closeAfterResponse(RoutingContext context) {
        if (context.request().version() == HttpVersion.HTTP_2) {
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        context.addEndHandler(sent -> context.request().connection().close());
    }
}
