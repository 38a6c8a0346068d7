package io.photosync.teams;

import io.photosync.bot.HostileTraffic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A large POST the way curl sends one: headers with {@code Expect: 100-continue}, the body only
 * after the server's 100. (The JDK 17 HttpClient waits for ever when the answer is not 100, JDK-8286171.)
 * A server that refuses on the headers answers before a byte of the body crosses.
 */
public final class Continue {

    /** @param sentBody whether the server asked for the body (100 Continue) and got it */
    public record Answer(int status, String body, boolean sentBody) {

        public Answer(int status, String body) {
            this(status, body, false);
        }
    }

    private Continue() {
    }

    public static Answer post(URI endpoint, HostileTraffic.Request request) throws IOException {
        return post(endpoint, request.contentType(), request.authorization(), request.body().length, out -> out.write(request.body()));
    }

    /** A body of {@code length} zero bytes, written (a megabyte at a time) only if the server asks for it. */
    public static Answer post(URI endpoint, String contentType, String authorization, long length) throws IOException {
        return post(endpoint, contentType, authorization, length, out -> {
            byte[] megabyte = new byte[1024 * 1024];
            for (long left = length; left > 0; left -= megabyte.length) {
                out.write(megabyte, 0, (int) Math.min(left, megabyte.length));
            }
        });
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Answer post(URI endpoint, String contentType, String authorization, long length, Body body) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + endpoint.getPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append("Content-Length: ").append(length).append("\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = readHead(in);
            boolean sent = first.startsWith("HTTP/1.1 100");
            if (sent) {
                body.writeTo(out);
                out.flush();
                first = readHead(in);
            }
            int status = Integer.parseInt(first.substring(9, 12));
            return new Answer(status, new String(in.readAllBytes(), StandardCharsets.UTF_8), sent);
        } catch (SocketTimeoutException e) {
            return new Answer(0, "no answer within 30 s");
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = last4 << 8 | b;
            if (last4 == ('\r' << 24 | '\n' << 16 | '\r' << 8 | '\n')) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
