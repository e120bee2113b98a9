package dev.portalloc.allocation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.allocation.AllocationService.AllocationResult;
import dev.portalloc.problem.InvalidFieldException;

/** Get-or-allocate and look-up over REST. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    private final AllocationService service;

    AllocationResource(AllocationService service) {
        this.service = service;
    }

    /** Returns the key's pair: 201 with a Location when this call allocated it, 200 when the key already held it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response getOrAllocate(@NotNull(message = "is required") @Valid AllocationRequest body) {
        AllocationResult result = service.getOrAllocate(body.pool(), body.model(), body.appNumber());
        AllocationView view = AllocationView.of(result.allocation());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(lookupUri(view)).entity(view).build();
    }

    /** Returns the key's pair, or 404 when it holds none. Never allocates. */
    @GET
    @Path("/lookup")
    public Response lookup(@RestQuery @NotNull(message = "is required") @ModelName String model,
            @RestQuery @NotNull(message = "is required") String appNumber,
            @RestQuery @PoolName String pool) {
        OptionalInt number = AppNumbers.parse(appNumber);
        if (number.isEmpty()) {
            throw new InvalidFieldException("appNumber", AppNumbers.RULE);
        }
        return service.lookup(pool, model, number.getAsInt())
                .map(allocation -> Response.ok(AllocationView.of(allocation)).build())
                .orElseThrow(() -> new AllocationNotFoundException(pool, model, number.getAsInt()));
    }

    private static URI lookupUri(AllocationView view) {
        return URI.create("/api/v1/allocations/lookup?pool=%s&model=%s&appNumber=%d".formatted(
                URLEncoder.encode(view.pool(), StandardCharsets.UTF_8),
                URLEncoder.encode(view.model(), StandardCharsets.UTF_8), view.appNumber()));
    }
}
