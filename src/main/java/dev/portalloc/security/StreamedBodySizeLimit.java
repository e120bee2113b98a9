package dev.portalloc.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Limits an API body sent without a Content-Length, chunked for example, by counting its bytes as the resource reads
 * them. Reading the body ahead of RESTEasy instead, with a Vert.x BodyHandler, fails on HTTP/2: RESTEasy pauses every
 * request it starts, and an HTTP/2 request whose body was already read rejects the pause.
 */
class StreamedBodySizeLimit {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final BodyLimits limits;

    StreamedBodySizeLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    void limit(ContainerRequestContext request, RoutingContext context) {
        // DeclaredBodySizeCheck checked a declared length. HTTP/1.1 framing ends the body there, and Netty (4.1)
        // fails an HTTP/2 stream whose data does not match it. The API's GET and DELETE resources read no body.
        if (!METHODS_WITH_BODY.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null) {
            return;
        }
        String path = context.request().path();
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limits.limitFor(path), path));
    }

    @ServerExceptionMapper
    Response tooLarge(BodyTooLargeException e, RoutingContext context) {
        BodyLimits.closeAfterResponse(context);
        return limits.tooLarge(e.path).toResponse();
    }

    /** Thrown when a body passes its limit; unchecked, so readers that wrap IOException pass it on unchanged. */
    static class BodyTooLargeException extends RuntimeException {

        final String path;

        BodyTooLargeException(String path) {
            super("request body over the limit of " + path);
            this.path = path;
        }
    }

    /** Counts the bytes read and fails once they pass {@code limit}. */
    static class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private final String path;
        private long count;

        LimitedInputStream(InputStream in, long limit, String path) {
            super(in);
            this.limit = limit;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            count += bytes;
            if (count > limit) {
                throw new BodyTooLargeException(path);
            }
        }
    }
}
