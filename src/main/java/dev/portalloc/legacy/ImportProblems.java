package dev.portalloc.legacy;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.portalloc.legacy.ImportReport.EntryProblem;
import dev.portalloc.legacy.ImportReport.Reassignment;
import dev.portalloc.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Problem bodies of the import endpoint: 400 for a malformed file, 422 with the full report for a rejected one. */
final class ImportProblems {

    static final int UNPROCESSABLE_CONTENT = 422;

    private ImportProblems() {
    }

    /** Builds the 422 response to a rejected import, with the report's fields beside the problem's. */
    static Response rejected(ImportReport report, int entries) {
        String detail = "%d of %d entries are invalid or conflict, so nothing was imported; the problems list each one"
                .formatted(report.rejected(), entries);
        Rejection body = new Rejection(Problem.typeUri("import-rejected"), "Unprocessable Content", UNPROCESSABLE_CONTENT,
                detail, report.imported(), report.unchanged(), report.reassigned(), report.rejected(), report.dryRun(),
                report.problems(), report.reassignments());
        return Response.status(UNPROCESSABLE_CONTENT).type(Problem.MEDIA).entity(body).build();
    }

    /** An RFC 9457 problem that carries an {@link ImportReport}'s fields as extension members. */
    @RegisterForReflection
    record Rejection(String type, String title, int status, String detail, int imported, int unchanged, int reassigned,
            int rejected, boolean dryRun, List<EntryProblem> problems, List<Reassignment> reassignments) {
    }

    /** A 400 problem that names where the file stops being readable: {@code index} from 0 and the file's field name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    record Malformed(String type, String title, int status, String detail, Integer index, String field,
            List<Problem.FieldError> errors) {
    }

    /** Maps a file that cannot be read to 400. */
    static final class Mapper {

        @ServerExceptionMapper
        Response malformed(MalformedFileException e) {
            Malformed body = new Malformed(Problem.typeUri("invalid-request"), "Bad Request", 400,
                    e.getMessage() + "; nothing was imported", e.index(), e.field(),
                    List.of(new Problem.FieldError(e.path(), e.reason())));
            return Response.status(400).type(Problem.MEDIA).entity(body).build();
        }
    }
}
