package dev.portalloc.cli;

import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The operator's command line: runs one subcommand against the service and returns its exit code. */
public final class OperatorCli {

    static final String URL_VARIABLE = "PORTALLOC_URL";
    static final String TOKEN_VARIABLE = "PORTALLOC_TOKEN";
    static final String DEFAULT_URL = "http://localhost:8080";

    private OperatorCli() {
    }

    /**
     * Parses {@code args}, runs the subcommand and returns an exit code from {@link ExitCodes}. {@code environment}
     * supplies {@value #URL_VARIABLE} and {@value #TOKEN_VARIABLE}; results go to {@code out}, errors to {@code err}.
     */
    public static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
        commandLine.setExecutionExceptionHandler((error, failedCommand, parseResult) -> {
            if (error instanceof CliFailure failure) {
                err.println("error: " + failure.getMessage());
                return failure.exitCode();
            }
            err.println("error: the command failed unexpectedly: " + error);
            return ExitCodes.SERVICE_FAILURE;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** Defaults of {@code --url} and {@code --token} from the environment; blank variables count as unset. */
    private record EnvironmentDefaults(Map<String, String> environment) implements IDefaultValueProvider {

        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option)) {
                return null;
            }
            return switch (option.longestName()) {
                case CommonOptions.URL_OPTION -> variable(URL_VARIABLE, DEFAULT_URL);
                case CommonOptions.TOKEN_OPTION -> variable(TOKEN_VARIABLE, null);
                default -> null;
            };
        }

        private String variable(String name, String fallback) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
