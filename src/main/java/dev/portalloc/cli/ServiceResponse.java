package dev.portalloc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The status and body of one response of the service. */
record ServiceResponse(int status, String body) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFLICT = 409;

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Parses the body as JSON; a body that is not JSON means the service failed. */
    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.SERVICE_FAILURE,
                    "the service responded %d with a body that is not JSON: %s".formatted(status, excerpt()));
        }
    }

    /** Returns the JSON body of a successful response; any other response ends the command with {@link #failure()}. */
    JsonNode requireSuccess() {
        if (!isSuccess()) {
            throw failure();
        }
        return json();
    }

    /**
     * Describes an unsuccessful response with the detail of its problem body: a usage error for 4xx, since the request
     * was invalid, and a service failure otherwise. 409 counts as a service failure, because the request was valid but
     * the service cannot serve it in its current state (a pool is exhausted).
     */
    CliFailure failure() {
        boolean clientError = status >= 400 && status < 500 && status != CONFLICT;
        String what = clientError ? "the service rejected the request" : "the service failed";
        String message = "%s (HTTP %d): %s".formatted(what, status, problemDetail());
        return new CliFailure(clientError ? ExitCodes.USAGE : ExitCodes.SERVICE_FAILURE, message);
    }

    /** Returns the {@code detail} of an RFC 9457 problem body, else the start of the body. */
    String problemDetail() {
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
        } catch (JsonProcessingException e) {
            // Not a problem body: show the text itself.
        }
        return excerpt();
    }

    private String excerpt() {
        String text = body.strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
