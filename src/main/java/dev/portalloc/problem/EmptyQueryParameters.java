package dev.portalloc.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.portalloc.problem.Problem.FieldError;

/**
 * Rejects query parameters that are present but empty, such as {@code pool=}. RESTEasy Reactive passes them to resource
 * methods as absent, so {@code pool=} would quietly select the default pool and {@code model=} would read as missing.
 */
class EmptyQueryParameters {

    @ServerRequestFilter
    Optional<Response> rejectEmpty(UriInfo uri) {
        List<FieldError> errors = uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream().anyMatch(String::isEmpty))
                .map(Map.Entry::getKey)
                .sorted()
                .map(name -> new FieldError(name, "must not be empty"))
                .toList();
        return errors.isEmpty() ? Optional.empty() : Optional.of(Problem.invalid(errors).toResponse());
    }
}
