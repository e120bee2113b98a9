package dev.portalloc.security;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.portalloc.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a {@link Problem} straight on the Vert.x response, for rejections that happen before RESTEasy picks a resource
 * and so never reach its exception mappers.
 */
@Singleton
class ProblemWriter {

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(RoutingContext context, Problem problem) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem record always serializes", e);
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
