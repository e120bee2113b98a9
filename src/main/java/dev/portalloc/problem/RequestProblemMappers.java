package dev.portalloc.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.portalloc.problem.Problem.FieldError;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;

/** Turns invalid requests into 400 problems that name the field and the rule. */
class RequestProblemMappers {

    private static final String BODY = "body";

    @ServerExceptionMapper
    Response invalidParameters(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    Response invalidValues(ConstraintViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    Response invalidField(InvalidFieldException e) {
        return Problem.invalid(List.of(new FieldError(e.field(), e.rule()))).toResponse();
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e) {
        return Problem.invalid(List.of(new FieldError(fieldOf(e), ruleOf(e)))).toResponse();
    }

    /** Takes precedence over the mapper that Quarkus registers for this exception, whose body is not a problem. */
    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    Response httpError(WebApplicationException e) {
        // The JSON reader of Quarkus wraps syntax errors and numbers out of range in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            Log.errorf(e, "Request failed with %d", status.getStatusCode());
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, detailOf(status, e)).toResponse();
    }

    /** A detail in the API's own words for the statuses that Quarkus raises before a resource runs. */
    private static String detailOf(Response.Status status, WebApplicationException e) {
        return switch (status) {
            case UNSUPPORTED_MEDIA_TYPE -> "the request body must be sent with Content-Type: application/json";
            case NOT_ACCEPTABLE -> "the response can only be application/json; change the Accept header";
            case METHOD_NOT_ALLOWED -> "the resource does not support this HTTP method";
            case NOT_FOUND -> "no resource at this path";
            default -> e.getMessage();
        };
    }

    private static Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    /** The request field of a violation: the last node of "method.parameter[.property]". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = BODY;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field;
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .reduce((parent, child) -> child.startsWith("[") ? parent + child : parent + "." + child)
                    .orElse(BODY);
        }
        // A number out of range has no path, but the parser is still positioned at its field.
        if (e instanceof InputCoercionException coercion && coercion.getProcessor() != null) {
            String field = coercion.getProcessor().getParsingContext().getCurrentName();
            return field == null ? BODY : field;
        }
        return BODY;
    }

    private static String ruleOf(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return "must be a number within range: " + firstLine(e.getOriginalMessage());
        }
        String location = e.getLocation() == null ? ""
                : " at line %d, column %d".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        return "must be a JSON object, but is not valid JSON" + location + ": " + firstLine(e.getOriginalMessage());
    }

    /** The message without Jackson's trailing source references. */
    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        int reference = line.indexOf(" (start marker at");
        return reference < 0 ? line : line.substring(0, reference);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a JSON integer";
        }
        if (type == String.class) {
            return "a JSON string";
        }
        if (type.isRecord()) {
            return "a JSON object";
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON value of type " + type.getSimpleName();
    }
}
