package dev.portalloc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client that sends the request target exactly as given, including percent-encoding that
 * {@link URI} and the usual clients reject, and reads one response on a connection of its own.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** A response: status, Content-Type (empty when absent) and the body decoded as UTF-8. */
    public record RawResponse(int status, String contentType, String body) {
    }

    public static RawResponse send(URI server, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            head.append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (SocketException e) {
                // The server may respond and close before it read all of an oversized request, so read what it sent.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                all.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // The server reset the connection after the response arrived, so keep what was read.
        }
        return all.toByteArray();
    }

    private static RawResponse parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IOException("no complete HTTP response: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int start = headEnd + 4;
        if (chunked) {
            dechunk(raw, start, body);
        } else {
            body.write(raw, start, raw.length - start);
        }
        return new RawResponse(status, contentType, body.toString(StandardCharsets.UTF_8));
    }

    /** Decodes a chunked body: hexadecimal sizes, each followed by that many bytes, up to the chunk of size 0. */
    private static void dechunk(byte[] raw, int start, ByteArrayOutputStream body) throws IOException {
        int position = start;
        while (true) {
            int lineEnd = indexOfCrLf(raw, position);
            String sizeField = new String(raw, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeField.split(";")[0].trim(), 16);
            if (size == 0) {
                return;
            }
            body.write(raw, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] raw, int from) throws IOException {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IOException("truncated chunked body");
    }
}
