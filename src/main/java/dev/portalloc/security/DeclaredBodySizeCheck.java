package dev.portalloc.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Rejects an API request whose Content-Length is over its path's limit with 413 before any of the body is read.
 * Quarkus has one global limit only, which it enforces with an empty 413; this check runs first and sends a problem.
 */
@ApplicationScoped
class DeclaredBodySizeCheck {

    /**
     * After the authorization filter (order -100), so that a request without a valid token is rejected first, and
     * before Quarkus' global limit (order -2).
     */
    private static final int CHECK_ORDER = -50;
    /** Right after Quarkus' global limit, which has stored its limit for bodies without a Content-Length. */
    private static final int AFTER_GLOBAL_LIMIT_ORDER = -1;

    private final BodyLimits limits;
    private final ProblemWriter problems;

    DeclaredBodySizeCheck(BodyLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(CHECK_ORDER).handler(this::check);
        // RESTEasy would end a body over Quarkus' stored limit with an empty 413 before StreamedBodySizeLimit counts
        // it. Without the stored limit, API bodies get the limit of their path, which sends a problem.
        router.route("/api/*").order(AFTER_GLOBAL_LIMIT_ORDER).handler(context -> {
            context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            context.next();
        });
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = context.request().path();
        if (declared == null || parse(declared) <= limits.limitFor(path)) {
            context.next();
            return;
        }
        BodyLimits.closeAfterResponse(context);
        problems.send(context, limits.tooLarge(path));
    }

    /** Parses a Content-Length. A malformed one counts as too large, so it never passes the check. */
    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
