package dev.portalloc.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.portalloc.problem.Problem;

/** Reports usage figures over REST, for operators. */
@Path("/api/v1/allocations/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final UsageStats stats;

    StatsResource(UsageStats stats) {
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Usage statistics", description = "Returns the number of allocations and models, the"
            + " allocations per model, and for each configured pool its slots held, blocked and free, its utilization in"
            + " percent, the slot the next new key gets, and its oldest and newest allocation. Takes no lock.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsReport.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry later", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsReport stats() {
        return stats.collect();
    }
}
