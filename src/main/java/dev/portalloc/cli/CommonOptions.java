package dev.portalloc.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of every subcommand: where the service is, the token to send, and help. */
class CommonOptions {

    static final String URL_OPTION = "--url";
    static final String TOKEN_OPTION = "--token";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = URL_OPTION, paramLabel = "URL", description = "Base URL of the service (default: $"
            + OperatorCli.URL_VARIABLE + ", else " + OperatorCli.DEFAULT_URL + ").")
    String url;

    // The value is never shown: picocli prints no defaults here, and no message of this tool contains it.
    @Option(names = TOKEN_OPTION, paramLabel = "TOKEN", description = "Bearer token for the Authorization header"
            + " (default: $" + OperatorCli.TOKEN_VARIABLE + "; none when unset).")
    String token;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Creates a client for the service at {@code --url}; a URL that is not http(s) with a host is a usage error. */
    ServiceClient client() {
        return new ServiceClient(baseUri(), token);
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    private URI baseUri() {
        String invalid = "%s must be an http or https URL such as %s, but is '%s'".formatted(URL_OPTION,
                OperatorCli.DEFAULT_URL, url);
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new CliFailure(ExitCodes.USAGE, invalid);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliFailure(ExitCodes.USAGE, invalid);
        }
    }
}
