package dev.portalloc.cli;

/** Exit codes of the command line, for scripts. */
final class ExitCodes {

    static final int SUCCESS = 0;
    /** The check found problems, a release found nothing to release, or the service rejected an import. */
    static final int FOUND_PROBLEMS = 1;
    /** Invalid arguments, an unreadable input file, or a request that the service rejected as invalid (4xx other than 409). */
    static final int USAGE = 2;
    /** The service could not be reached, did not respond in time, could not serve the request (409, 5xx) or failed. */
    static final int SERVICE_FAILURE = 3;

    private ExitCodes() {
    }
}
