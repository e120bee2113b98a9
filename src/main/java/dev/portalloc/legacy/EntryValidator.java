package dev.portalloc.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import dev.portalloc.legacy.ImportReport.EntryProblem;

/** Checks an entry with the rules of a live request, plus the port ranges and distinct ports of {@link LegacyEntry}. */
@ApplicationScoped
class EntryValidator {

    private final Validator validator;

    EntryValidator(Validator validator) {
        this.validator = validator;
    }

    /** Lists every rule the entry breaks, ordered by field; empty when it is valid. */
    List<EntryProblem> problems(LegacyEntry entry) {
        List<EntryProblem> problems = new ArrayList<>();
        for (ConstraintViolation<LegacyEntry> violation : validator.validate(entry)) {
            problems.add(problem(entry, fieldOf(violation), violation.getMessage()));
        }
        if (entry.backendPort() != null && Objects.equals(entry.backendPort(), entry.frontendPort())) {
            problems.add(problem(entry, LegacyEntry.FRONTEND_PORT,
                    "must differ from backend_port, but both are " + entry.backendPort()));
        }
        problems.sort(Comparator.comparing(EntryProblem::field).thenComparing(EntryProblem::reason));
        return problems;
    }

    private static EntryProblem problem(LegacyEntry entry, String field, String reason) {
        return new EntryProblem(entry.index(), entry.model(), entry.appNumber(), field, reason);
    }

    private static String fieldOf(ConstraintViolation<LegacyEntry> violation) {
        String component = "";
        for (Path.Node node : violation.getPropertyPath()) {
            component = node.getName();
        }
        return LegacyEntry.fileField(component);
    }
}
