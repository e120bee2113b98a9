package dev.portalloc.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.allocation.AppNumbers;
import dev.portalloc.allocation.ModelName;
import dev.portalloc.allocation.PoolName;
import dev.portalloc.problem.InvalidFieldException;
import dev.portalloc.problem.Problem;

/** Lists allocations over REST, for operators. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
public class ListResource {

    private final AllocationListing listing;

    ListResource(AllocationListing listing) {
        this.listing = listing;
    }

    @GET
    @Operation(summary = "List allocations", description = "Returns one page of the allocations that match every given"
            + " filter, sorted by pool, model and app number, with the number of matches on all pages. No match is an"
            + " empty page.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllocationPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it and its rule", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry later", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AllocationPage list(
            @Parameter(description = "Only this pool") @RestQuery @PoolName String pool,
            @Parameter(description = "Only this model") @RestQuery @ModelName String model,
            @Parameter(description = "Only this app number, from 1") @RestQuery String appNumber,
            @Parameter(description = "Page index, from 0 (default 0)") @RestQuery String page,
            @Parameter(description = "Allocations per page, 1 to 1000 (default 50)") @RestQuery String size) {
        PageRequest request = PageRequest.parse(page, size);
        Integer number = null;
        if (appNumber != null) {
            number = AppNumbers.parse(appNumber).orElseThrow(() -> new InvalidFieldException("appNumber", AppNumbers.RULE));
        }
        return listing.page(pool, model, number, request);
    }
}
