package dev.portalloc.allocation;

import java.util.List;
import java.util.OptionalInt;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.problem.InvalidFieldException;

/** Releases one key, or every app of a model, over REST. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
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
    public record ModelRelease(String pool, String model, int released) {
    }
}
