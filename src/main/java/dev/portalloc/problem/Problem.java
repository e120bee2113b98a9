package dev.portalloc.problem;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem body; {@code errors} lists the invalid fields of a request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    private static final String TYPE_PREFIX = "urn:port-allocator:problem:";

    /** Returns the URI of a problem type, such as {@code urn:port-allocator:problem:invalid-request}. */
    public static String typeUri(String type) {
        return TYPE_PREFIX + type;
    }

    public static Problem of(Response.Status status, String type, String detail) {
        return new Problem(TYPE_PREFIX + type, status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(FieldError::sentence).toList());
        return new Problem(TYPE_PREFIX + "invalid-request", "Bad Request", 400, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** One field of a request and the rule its value breaks. */
    @RegisterForReflection
    public record FieldError(String field, String message) {

        String sentence() {
            return field + " " + message;
        }
    }
}
