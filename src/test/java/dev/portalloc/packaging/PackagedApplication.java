package dev.portalloc.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged JVM application ({@code target/quarkus-app/quarkus-run.jar}) run as a process of its own, as a container
 * runs it, with its output in {@code target/package-tests/NAME.log}.
 */
final class PackagedApplication implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the application with the given environment added to this JVM's, and waits until it is ready. */
    static PackagedApplication start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target", "package-tests")).resolve(name + ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        PackagedApplication application = new PackagedApplication(builder.start(), log, port);
        application.awaitReady();
        return application;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends SIGTERM, as Kubernetes does to stop a container. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(uri("/q/health/ready")).build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The HTTP server opens its port late in the start.
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("The packaged application did not become ready within " + READY_LIMIT
                + "; its log:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
