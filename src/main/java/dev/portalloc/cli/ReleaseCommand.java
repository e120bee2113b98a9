package dev.portalloc.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Releases one key, or every app of a model, through DELETE /api/v1/allocations; exits with 1 when nothing was held. */
@Command(name = "release", description = {
        "Release the ports of one app (MODEL APP_NUMBER), or of every app of a model (MODEL --all).",
        "The ports become free at once; the next new key gets the lowest free pair. Exits with 1 when nothing was held." })
class ReleaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model name.")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "APP_NUMBER", description = "App number, from 1.")
    Integer appNumber;

    @Option(names = "--all", description = "Release every app of MODEL, for a retired model.")
    boolean all;

    @Option(names = "--pool", paramLabel = "POOL", description = "The pool; by default the one the service picks for MODEL.")
    String pool;

    @Override
    public Integer call() {
        if (all == (appNumber != null)) {
            throw new ParameterException(spec.commandLine(), "Give either APP_NUMBER or --all, not both and not neither");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("model", model);
        if (pool != null) {
            query.put("pool", pool);
        }
        return all ? releaseModel(query) : releaseApp(query);
    }

    private int releaseApp(Map<String, String> query) {
        query.put("appNumber", appNumber.toString());
        ServiceResponse response = common.client().delete("/api/v1/allocations", query);
        if (response.status() == 404) {
            common.err().println("Nothing to release: " + response.problemDetail());
            return ExitCodes.FOUND_PROBLEMS;
        }
        if (!response.isSuccess()) {
            throw response.failure();
        }
        common.out().printf("Released app %d of model '%s'.%n", appNumber, model);
        return ExitCodes.SUCCESS;
    }

    private int releaseModel(Map<String, String> query) {
        query.put("all", "true");
        JsonNode result = common.client().delete("/api/v1/allocations", query).requireSuccess();
        long released = result.path("released").asLong();
        JsonNode poolName = result.path("pool");
        String where = poolName.isTextual() ? " in pool '" + poolName.asText() + "'" : "";
        if (released == 0) {
            common.err().printf("Nothing to release: model '%s' holds no allocation%s.%n", model, where);
            return ExitCodes.FOUND_PROBLEMS;
        }
        common.out().printf("Released %s of model '%s'%s.%n", Table.count(released, "app"), model, where);
        return ExitCodes.SUCCESS;
    }
}
