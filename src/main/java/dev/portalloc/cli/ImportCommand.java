package dev.portalloc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends a JSON file of allocations to POST /api/v1/allocations/import and prints the service's report. */
@Command(name = "import", description = {
        "Import allocations from FILE, a JSON array of objects with model, app_number, backend_port and frontend_port",
        "(the old port_config.json). Exits with 1 when the service rejects the import." })
class ImportCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/allocations/import";
    /** The status of a rejected import, whose problem body carries the report. */
    static final int REJECTED = 422;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON file to import.")
    Path file;

    @Option(names = "--dry-run", description = "Only report what the import would do; write nothing.")
    boolean dryRun;

    @Option(names = "--reassign", description = "Move a pair that collides with a held port to a free pair instead of"
            + " rejecting the import; the report lists the moves.")
    boolean reassign;

    @Option(names = "--json", description = "Print the API's JSON report.")
    boolean json;

    @Override
    public Integer call() {
        String body = readArray();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dryRun", Boolean.toString(dryRun));
        query.put("onConflict", reassign ? "reassign" : "reject");
        ServiceResponse response = common.client().post(PATH, query, body);
        if (!response.isSuccess() && response.status() != REJECTED) {
            throw response.failure();
        }
        JsonNode report = response.json();
        if (json) {
            common.out().println(response.body());
        } else {
            ImportReportPrinter.print(report, common.out());
        }
        if (response.status() == REJECTED) {
            common.err().println("error: the service rejected the import (HTTP 422): " + response.problemDetail());
            return ExitCodes.FOUND_PROBLEMS;
        }
        return ExitCodes.SUCCESS;
    }

    /** Reads the file and checks that it is a JSON array; the service checks the entries. */
    private String readArray() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot read %s: no such file".formatted(file));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot read %s: %s".formatted(file, e.getMessage()));
        }
        try {
            JsonNode content = ServiceResponse.JSON.readTree(text);
            if (content == null || !content.isArray()) {
                throw new CliFailure(ExitCodes.USAGE, "%s must contain a JSON array of allocations, but its top level is %s"
                        .formatted(file, content == null || content.isMissingNode() ? "empty" : content.getNodeType()));
            }
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.USAGE, "%s is not valid JSON: %s".formatted(file, e.getOriginalMessage()));
        }
        return text;
    }
}
