package dev.portalloc.allocation;

import java.util.List;
import java.util.OptionalInt;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.problem.InvalidFieldException;
import dev.portalloc.problem.ProblemResponses;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Releases one key, or every app of a model, over REST. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations")
public class ReleaseResource {

    private final ReleaseService service;

    ReleaseResource(ReleaseService service) {
        this.service = service;
    }

    /**
     * With {@code appNumber}: releases that key, 204, or 404 when it holds nothing. With {@code all=true} and no app
     * number: releases every app of the model and returns the count.
     */
    @DELETE
    @Operation(summary = "Release the port pair of a key, or of every app of a model", description = """
            With `appNumber`, releases that key's pair. With `all=true` and no `appNumber`, releases every app of the \
            model in its pool, for a retired model. Released pairs are handed out again, lowest first. The pool is \
            chosen as for get-or-allocate.""")
    @Parameter(name = "model", in = ParameterIn.QUERY, description = "Model name, 1 to 200 characters", example = "openai_gpt-4")
    @Parameter(name = "appNumber", in = ParameterIn.QUERY, description = "App number, from 1; absent with all=true", example = "7")
    @Parameter(name = "pool", in = ParameterIn.QUERY, description = "Pool name; omitted, the model chooses the pool", example = "default")
    @Parameter(name = "all", in = ParameterIn.QUERY, description = "true releases every app of the model", example = "false")
    @APIResponse(responseCode = "204", description = "The key's pair was released.")
    @APIResponse(responseCode = "200", description = "With all=true: how many apps of the model were released, maybe 0.", content = @Content(schema = @Schema(implementation = ModelRelease.class), examples = @ExampleObject(name = "released", value = """
            {"pool": "default", "model": "openai_gpt-4", "released": 3}""")))
    @APIResponse(responseCode = "400", ref = ProblemResponses.INVALID)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
    public Response release(@RestQuery @NotNull(message = "is required") @ModelName String model,
            @RestQuery String appNumber, @RestQuery @PoolName String pool, @RestQuery String all) {
        if (parseAll(all)) {
            if (appNumber != null) {
                throw new InvalidFieldException("appNumber", "must be absent when all=true");
            }
            List<Allocation> released = service.releaseModel(pool, model);
            String poolName = released.isEmpty() ? pool : released.get(0).pool;
            return Response.ok(new ModelRelease(poolName, model, released.size())).build();
        }
        if (appNumber == null) {
            throw new InvalidFieldException("appNumber", "is required unless all=true releases every app of the model");
        }
        OptionalInt number = AppNumbers.parse(appNumber);
        if (number.isEmpty()) {
            throw new InvalidFieldException("appNumber", AppNumbers.RULE);
        }
        if (service.release(pool, model, number.getAsInt()).isEmpty()) {
            throw new AllocationNotFoundException(pool, model, number.getAsInt());
        }
        return Response.noContent().build();
    }

    /** Reads {@code all} strictly, so that a typo such as {@code all=ture} is rejected instead of meaning false. */
    private static boolean parseAll(String all) {
        if (all == null || all.equalsIgnoreCase("false")) {
            return false;
        }
        if (all.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidFieldException("all", "must be true or false");
    }

    /** How many apps of a model a release freed. */
    @RegisterForReflection
    public record ModelRelease(String pool, String model, int released) {
    }
}
