package dev.portalloc.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import dev.portalloc.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns the failures of the {@code quarkus.http.auth.permission.*} checks into problem responses: 401 for an invalid
 * token and 403 for a valid token without the role. The checks run on the HTTP layer before any resource is chosen,
 * and Quarkus reports both by failing the Vert.x route, so this is a Vert.x failure handler rather than a JAX-RS
 * exception mapper. A request with no token at all gets its 401 from {@link BearerTokenMechanism#sendChallenge}.
 */
@ApplicationScoped
class AuthProblemHandler {

    private static final String FORBIDDEN = "the bearer token does not grant this request: release, import and other"
            + " changes need an admin token; get-or-allocate, look-up and reads need an allocator or admin token";

    private final BearerTokenMechanism mechanism;
    private final ProblemWriter problems;

    AuthProblemHandler(BearerTokenMechanism mechanism, ProblemWriter problems) {
        this.mechanism = mechanism;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // The lowest order runs first, ahead of the handlers of Quarkus and RESTEasy that send an empty body.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            mechanism.sendChallenge(context);
        } else if (failure instanceof ForbiddenException) {
            problems.send(context, Problem.of(Response.Status.FORBIDDEN, "forbidden", FORBIDDEN));
        } else {
            context.next();
        }
    }
}
