package dev.portalloc.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command without a subcommand; run with no arguments at all, the application starts the service instead. */
@Command(name = "port-allocator", synopsisSubcommandLabel = "COMMAND", description = {
        "Operates a running port-allocator service over HTTP.",
        "Without arguments, the application runs the service itself." }, subcommands = { ListCommand.class,
                CheckCommand.class, StatsCommand.class, ReleaseCommand.class, ImportCommand.class })
class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: use list, check, stats, release or import");
    }
}
