package dev.portalloc.legacy;

import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.problem.InvalidFieldException;
import dev.portalloc.problem.Problem;

/** Import of the old system's {@code port_config.json} over REST. */
@Path("/api/v1/allocations")
public class ImportResource {

    private final LegacyFileReader reader;
    private final LegacyImporter importer;

    ImportResource(LegacyFileReader reader, LegacyImporter importer) {
        this.reader = reader;
        this.importer = importer;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Import port_config.json", description = "Imports the old system's allocations, all or nothing."
            + " The body is the file's JSON array of {model, app_number, backend_port, frontend_port}; other fields"
            + " are ignored. Each entry goes to the pool that a request for its model would get.")
    @APIResponse(responseCode = "200", description = "Imported, or checked in a dry run", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of entries, or a parameter is invalid;"
            + " nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblems.Malformed.class)))
    @APIResponse(responseCode = "409", description = "A pool has no free pair left for a reassigned key; nothing was"
            + " written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An entry is invalid or, with onConflict=reject, conflicts;"
            + " nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblems.Rejection.class)))
    @APIResponse(responseCode = "503", description = "A pool's lock was not granted in time or the database is"
            + " unavailable; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFile(
            @Parameter(description = "true: report what the import would do and write nothing") @RestQuery String dryRun,
            @Parameter(description = "reject (default): conflicts reject the file; reassign: contenders get fresh pairs") @RestQuery String onConflict,
            InputStream body) {
        boolean isDryRun = parseDryRun(dryRun);
        OnConflict mode = onConflict == null ? OnConflict.REJECT
                : OnConflict.parse(onConflict).orElseThrow(() -> new InvalidFieldException("onConflict", OnConflict.RULE));
        List<LegacyEntry> entries = body == null ? reader.read(InputStream.nullInputStream()) : reader.read(body);
        ImportReport report = importer.importEntries(entries, mode, isDryRun, "REST request");
        if (report.hasProblems()) {
            return ImportProblems.rejected(report, entries.size());
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean parseDryRun(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidFieldException("dryRun", "must be true or false");
    }
}
