package dev.portalloc.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/**
 * Problem responses for failures on the server side: 503 with {@code Retry-After} when a retry can succeed, else a 500 that
 * tells the client nothing about the internals. Both are logged with their cause.
 */
class ServerProblemMappers {

    private static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        return DatabaseFailure.of(e)
                .map(failure -> unavailable(failure, e))
                .orElseGet(() -> internalError(e));
    }

    private static Response unavailable(DatabaseFailure failure, RuntimeException e) {
        String detail = switch (failure) {
            case LOCK_TIMEOUT -> "the pool is busy: its lock was not granted within portalloc.lock-timeout; retry later";
            case UNAVAILABLE -> "the database is unavailable; retry later";
        };
        Log.warnf("Request failed with 503 (%s): %s", failure, rootMessage(e));
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                failure == DatabaseFailure.LOCK_TIMEOUT ? "lock-timeout" : "database-unavailable", detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static Response internalError(RuntimeException e) {
        Log.error("Request failed with an unexpected error", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "the server failed to process the request; the cause is in its log").toResponse();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
