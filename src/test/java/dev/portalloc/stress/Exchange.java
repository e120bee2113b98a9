package dev.portalloc.stress;

import java.time.Duration;

/**
 * One request of the harness and its response. Status -1 means that no HTTP response arrived (connection refused or
 * reset, client timeout). Ports are 0 unless the response named a pair. Times are {@link System#nanoTime()} readings.
 */
record Exchange(String scenario, Operation operation, Key key, int replica, int status, int backendPort, int frontendPort,
        String contentType, String problemType, String retryAfter, String error, long startNanos, long endNanos) {

    static final int NO_RESPONSE = -1;

    enum Operation {
        ALLOCATE,
        LOOKUP,
        RELEASE
    }

    /** An allocation key; {@code pool} is the pool the service is expected to resolve. */
    record Key(String pool, String model, int appNumber) {
    }

    /** Tells whether the response names the key's pair: a get-or-allocate that succeeded or a look-up that found it. */
    boolean acknowledges() {
        return (operation == Operation.ALLOCATE && (status == 200 || status == 201))
                || (operation == Operation.LOOKUP && status == 200);
    }

    /** Tells whether the response shows that the key held nothing at some moment while the request ran. */
    boolean showsAbsent() {
        return switch (operation) {
            case ALLOCATE -> status == 201;
            case LOOKUP, RELEASE -> status == 404;
        };
    }

    /** Tells whether a release did or may have taken effect: 204, or a failure whose outcome the client cannot know. */
    boolean mayHaveReleased() {
        return operation == Operation.RELEASE && (status == 204 || status >= 500 || status == NO_RESPONSE);
    }

    boolean isServerError() {
        return status >= 500;
    }

    Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** Tells whether the request ran at some moment of [fromNanos, toNanos]. */
    boolean overlaps(long fromNanos, long toNanos) {
        return startNanos <= toNanos && endNanos >= fromNanos;
    }

    String describe() {
        String ports = backendPort == 0 ? "" : " ports %d/%d".formatted(backendPort, frontendPort);
        return "%s %s %s app %d on replica %d: %s%s%s in %d ms".formatted(scenario, operation, key.model(), key.appNumber(),
                replica, status == NO_RESPONSE ? "no response (" + error + ")" : status, ports,
                problemType == null ? "" : " " + problemType, duration().toMillis());
    }
}
