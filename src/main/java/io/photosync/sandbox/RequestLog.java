package io.photosync.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The last requests a server received (method, host, path, user agent — never a body), for tests to check where calls went. */
final class RequestLog {

    private static final int LIMIT = 10_000;

    private final ConcurrentLinkedDeque<ReceivedRequest> received = new ConcurrentLinkedDeque<>();

    void record(SimRequest request, String host) {
        received.addLast(new ReceivedRequest(request.method(), host, request.path(), request.header("user-agent"), System.nanoTime()));
        while (received.size() > LIMIT) {
            received.pollFirst();
        }
    }

    List<ReceivedRequest> all() {
        return List.copyOf(received);
    }

    void clear() {
        received.clear();
    }

    /** The host a request named, without its port, lower-cased; empty when it named none. */
    static String hostOf(SimRequest request) {
        String host = request.header("host");
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        String bare = colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
        return bare.toLowerCase(Locale.ROOT);
    }
}
