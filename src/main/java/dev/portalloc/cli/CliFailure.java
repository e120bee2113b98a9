package dev.portalloc.cli;

/** Ends a command with a message for standard error and an exit code from {@link ExitCodes}. */
class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
