package dev.portalloc.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Responds with 413 and a problem to a request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size},
 * where the check of Quarkus would send an empty body. A chunked body that grows past the limit still gets the empty 413
 * of Quarkus.
 */
@ApplicationScoped
class BodySizeCheck {

    /** One before the body size check of Quarkus (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2 in Quarkus 3.33). */
    private static final int ROUTE_ORDER = -3;

    private final ObjectMapper json;
    private final long maxBodyBytes;

    BodySizeCheck(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::rejectOversizedBody);
    }

    private void rejectOversizedBody(RoutingContext context) {
        long length = contentLength(context);
        if (length <= maxBodyBytes) {
            context.next();
            return;
        }
        Problem problem = Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "the request body has %d bytes, more than the %d bytes that quarkus.http.limits.max-body-size allows"
                        .formatted(length, maxBodyBytes));
        try {
            // Closing the connection spares reading the body, which would otherwise be parsed as the next request.
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** Reads the announced body length: 0 when there is none or it is not a number, which Vert.x rejects itself. */
    private static long contentLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
