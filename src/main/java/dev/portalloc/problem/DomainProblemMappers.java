package dev.portalloc.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.portalloc.allocation.AllocationNotFoundException;
import dev.portalloc.metrics.AllocationMetrics;
import dev.portalloc.pool.PoolExhaustedException;
import dev.portalloc.pool.UnknownPoolException;
import io.quarkus.logging.Log;

/** Problem responses for valid requests that cannot be served as requested. */
class DomainProblemMappers {

    private final AllocationMetrics metrics;

    DomainProblemMappers(AllocationMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    Response notFound(AllocationNotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "allocation-not-found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    Response unknownPool(UnknownPoolException e) {
        return Problem.invalid(List.of(new Problem.FieldError("pool", e.rule()))).toResponse();
    }

    @ServerExceptionMapper
    Response exhausted(PoolExhaustedException e) {
        Log.warnf("Allocation rejected: %s", e.getMessage());
        metrics.recordExhausted(e.layout().name());
        return Problem.of(Response.Status.CONFLICT, "pool-exhausted", e.getMessage()).toResponse();
    }
}
