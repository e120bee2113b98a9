package dev.portalloc.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A response to a request whose headers declare a body that is never sent. {@link java.net.http.HttpClient} cannot
 * send such a request, and on Java 17 it waits forever when a server responds to {@code Expect: 100-continue} with a
 * final status, so this speaks HTTP/1.1 over a plain socket.
 */
record RawResponse(int status, String contentType, String body) {

    private static final int TIMEOUT_MILLIS = 10_000;

    /** POSTs only the headers of a request that declares {@code length} body bytes, and reads the response. */
    static RawResponse ofHeadersOnly(URI uri, long length) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String head = "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                    .formatted(uri.getPath(), uri.getHost(), uri.getPort(), length);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream());
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        String[] lines = readHead(in).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        int contentLength = 0;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            } else if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        String body = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
        return new RawResponse(status, contentType, body);
    }

    /** Reads up to and without the blank line that ends the status line and headers. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed before the end of the response headers");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.length() - end.length);
    }
}
