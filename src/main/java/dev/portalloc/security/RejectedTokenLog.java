package dev.portalloc.security;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * Logs requests rejected for an invalid bearer token at WARN, at most once a minute with the number rejected since the
 * previous line, so that a client stuck with a revoked token cannot flood the log. The token itself is never logged.
 */
@Singleton
class RejectedTokenLog {

    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong nextLineAt = new AtomicLong(System.nanoTime());

    void record(HttpServerRequest request) {
        rejected.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + INTERVAL_NANOS)) {
            Log.warnf("Rejected %d request(s) with an invalid bearer token since the previous report; latest: %s %s from %s",
                    rejected.getAndSet(0), request.method(), request.path(), request.remoteAddress());
        }
    }
}
