package dev.portalloc.stress;

import java.nio.file.Path;
import java.time.Duration;

/** Sizes and timeouts of a stress run, read from system properties that the {@code stress} Maven profile sets. */
record StressSettings(Path jar, Path workDirectory, int requests, int clients, Duration lockTimeout, Duration lockHold,
        Duration restartOutage, Duration freezeOutage, Duration failureBound) {

    static StressSettings fromSystemProperties() {
        return new StressSettings(
                Path.of(System.getProperty("stress.jar")),
                Path.of(System.getProperty("stress.work-dir", "target/stress")),
                Integer.getInteger("stress.requests", 5000),
                Integer.getInteger("stress.clients", 64),
                Duration.ofSeconds(Integer.getInteger("stress.lock-timeout-seconds", 5)),
                Duration.ofSeconds(Integer.getInteger("stress.lock-hold-seconds", 30)),
                Duration.ofSeconds(Integer.getInteger("stress.restart-seconds", 5)),
                // Longer than the socket timeout of the service (10 s), so that requests in flight must time out.
                Duration.ofSeconds(Integer.getInteger("stress.freeze-seconds", 15)),
                Duration.ofSeconds(Integer.getInteger("stress.failure-bound-seconds", 15)));
    }
}
