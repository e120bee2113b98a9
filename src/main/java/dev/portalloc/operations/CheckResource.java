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

/** Reports problems in the stored allocations over REST, for operators. */
@Path("/api/v1/allocations/check")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    private final ConsistencyCheck check;

    CheckResource(ConsistencyCheck check) {
        this.check = check;
    }

    @GET
    @Operation(summary = "Check allocations for problems", description = "Reports every port that two allocations of a"
            + " pool hold (in any role), every allocation whose pair is not a slot of its pool's configured layout, and"
            + " every pool that holds allocations but is no longer configured. Status \"clean\" means all three lists are"
            + " empty. Takes no lock, so allocations go on meanwhile.")
    @APIResponse(responseCode = "200", description = "The report, clean or listing problems", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckReport.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; retry later", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckReport check() {
        return check.run();
    }
}
