package dev.portalloc.stress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process of the packaged service on a loopback port, with its output appended to a log file. */
final class Replica {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final int index;
    private final int port;
    private final Path log;
    private final HttpClient http;
    private volatile Process process;
    private volatile boolean serving;

    Replica(int index, int port, Path log, HttpClient http) {
        this.index = index;
        this.port = port;
        this.log = log;
        this.http = http;
    }

    int index() {
        return index;
    }

    Path log() {
        return log;
    }

    /** Whether clients should send requests here: started and not killed. */
    boolean serving() {
        return serving;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    void start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        process = builder.start();
    }

    /** Waits until the readiness endpoint returns 200, and fails early when the process exits. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica %d exited with %d before it was ready; see %s".formatted(index,
                        process.exitValue(), log));
            }
            if (readinessStatus() == 200) {
                serving = true;
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("replica %d was not ready within %s; see %s".formatted(index, timeout, log));
    }

    /** The HTTP status of {@code /q/health/ready}, or {@link Exchange#NO_RESPONSE} when nothing responded. */
    int readinessStatus() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/q/health/ready")).timeout(PROBE_TIMEOUT).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return Exchange.NO_RESPONSE;
        }
    }

    /** Sends SIGKILL: the process gets no chance to finish requests or close its database sessions. */
    void kill() throws InterruptedException {
        serving = false;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM for a graceful shutdown, then SIGKILL if the process is still running after 30 s. */
    void stop() throws InterruptedException {
        serving = false;
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
