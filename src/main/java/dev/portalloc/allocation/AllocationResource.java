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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import dev.portalloc.allocation.AllocationService.AllocationResult;
import dev.portalloc.metrics.AllocationMetrics;
import dev.portalloc.problem.InvalidFieldException;
import dev.portalloc.problem.ProblemResponses;

/** Get-or-allocate and look-up over REST. */
@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Port pairs of keys (pool, model, app number)")
public class AllocationResource {

    private static final String ALLOCATION_EXAMPLE = """
            {"pool": "default", "model": "meta-llama/Llama-3.1-70B-Instruct", "appNumber": 3, "backendPort": 5005,
             "frontendPort": 8005, "createdAt": "2026-12-04T16:11:30.927Z"}""";

    private final AllocationService service;
    private final AllocationMetrics metrics;

    AllocationResource(AllocationService service, AllocationMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    /** Returns the key's pair: 201 with a Location when this call allocated it, 200 when the key already held it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get or allocate the port pair of a key", description = """
            Returns the pair that the key holds, and allocates the lowest free pair of its pool on the key's first \
            call. Retries and concurrent calls for one key get the same pair. Without `pool`, the key goes to the first \
            pool (by name) whose model patterns match the model, else to the default pool.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key", value = """
            {"model": "meta-llama/Llama-3.1-70B-Instruct", "appNumber": 3}""")))
    @APIResponse(responseCode = "201", description = "This call allocated the pair; Location is the key's look-up URL.", headers = @Header(name = "Location", description = "The key's look-up URL", schema = @Schema(format = "uri")), content = @Content(schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "allocated", value = ALLOCATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The key already held the pair.", content = @Content(schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "existing", value = ALLOCATION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.INVALID)
    @APIResponse(responseCode = "409", ref = ProblemResponses.EXHAUSTED)
    @APIResponse(responseCode = "415", ref = ProblemResponses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
    public Response getOrAllocate(@NotNull(message = "is required") @Valid AllocationRequest body) {
        long start = System.nanoTime();
        AllocationResult result = service.getOrAllocate(body.pool(), body.model(), body.appNumber());
        metrics.recordAllocation(result.allocation().pool, result.created(), System.nanoTime() - start);
        AllocationView view = AllocationView.of(result.allocation());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(lookupUri(view)).entity(view).build();
    }

    /** Returns the key's pair, or 404 when it holds none. Never allocates. */
    @GET
    @Path("/lookup")
    @Operation(summary = "Look up the port pair of a key", description = """
            Returns the pair that the key holds and never allocates one, so a preview can show ports without taking \
            them. The pool is chosen as for get-or-allocate.""")
    @Parameter(name = "model", in = ParameterIn.QUERY, description = "Model name, 1 to 200 characters", example = "meta-llama/Llama-3.1-70B-Instruct")
    @Parameter(name = "appNumber", in = ParameterIn.QUERY, description = "App number, from 1", example = "3")
    @Parameter(name = "pool", in = ParameterIn.QUERY, description = "Pool name; omitted, the model chooses the pool", example = "default")
    @APIResponse(responseCode = "200", description = "The key's pair.", content = @Content(schema = @Schema(implementation = AllocationView.class), examples = @ExampleObject(name = "held", value = ALLOCATION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.INVALID)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    @APIResponse(responseCode = "500", ref = ProblemResponses.INTERNAL)
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
