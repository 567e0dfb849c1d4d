package io.serverpulse.interactions.http;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the interactions endpoint sees it, whatever carried it (a Lambda event, the local
 * server): the method, the headers (names case-insensitive) and the body exactly as received.
 */
public final class EndpointRequest {

    private final String method;
    private final Map<String, String> headers;
    private final byte[] body;
    private final long receivedNanos;

    /** Received now. */
    public EndpointRequest(String method, Map<String, String> headers, byte[] body) {
        this(method, headers, body, System.nanoTime());
    }

    /**
     * @param method  the HTTP method; {@code null} counts as POST (a hand-made Lambda event without request context)
     * @param headers header names to values; names are matched case-insensitively
     * @param body    the raw body; {@code null} counts as empty
     * @param receivedNanos when the request arrived ({@link System#nanoTime()}): a command's time budget counts from it
     */
    public EndpointRequest(String method, Map<String, String> headers, byte[] body, long receivedNanos) {
        this.receivedNanos = receivedNanos;
        this.method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        this.headers = copy;
        this.body = body == null ? new byte[0] : body.clone();
    }

    /** A POST with these headers and body. */
    public static EndpointRequest post(Map<String, String> headers, byte[] body) {
        return new EndpointRequest("POST", headers, body);
    }

    public String method() {
        return method;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name")));
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body without copying, for the verifier and the decoder inside this package. */
    byte[] rawBody() {
        return body;
    }

    /** When the request arrived, on the {@link System#nanoTime()} clock. */
    public long receivedNanos() {
        return receivedNanos;
    }

    public int bodyLength() {
        return body.length;
    }

    /** Never the body or header values: a modal submit carries an AI key. */
    @Override
    public String toString() {
        return "EndpointRequest[" + method + ", " + body.length + " bytes]";
    }
}
