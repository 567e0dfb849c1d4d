package io.serverpulse.interactions.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HTTP/1.x requests from a connection's bytes as they arrive, one after the other: the request line,
 * the headers (at most {@link #MAX_HEAD_BYTES}) and a body of {@code Content-Length} bytes (at most
 * {@code maxBody}). What Discord and reverse proxies send, and nothing more: a chunked body
 * ({@code Transfer-Encoding}) is refused with 411 (send a {@code Content-Length}). A body over the limit but
 * under {@code swallowBody} is read and dropped so the client sees its 413; a larger one is refused at once.
 * Not thread-safe: one reader per connection, used by the front's selector thread.
 */
final class RequestReader {

    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;

    /** A request read whole, or a refusal to send (then the connection is closed unless {@code keepAlive}). */
    sealed interface Outcome {
    }

    record Complete(String method, String target, Map<String, String> headers, byte[] body, boolean keepAlive)
            implements Outcome {
    }

    record Refused(int status, String reason, boolean keepAlive) implements Outcome {
    }

    private final int maxBody;
    private final long swallowBody;

    private byte[] buffer = new byte[1024];
    private int length;
    /** Where the body starts once the head is read; -1 before. */
    private int bodyStart = -1;
    private long contentLength;
    private boolean expectContinue;
    private boolean continueSent;
    private String method;
    private String target;
    private boolean keepAlive;
    private Map<String, String> headers;
    /** Bytes of an over-long body still to drop before its 413. */
    private long discarding = -1;

    RequestReader(int maxBody, long swallowBody) {
        this.maxBody = maxBody;
        this.swallowBody = swallowBody;
    }

    /** Whether any byte of the next request has arrived. */
    boolean started() {
        return length > 0 || discarding >= 0;
    }

    /** Takes what was read from the connection. */
    void add(ByteBuffer read) {
        int count = read.remaining();
        if (discarding >= 0) {
            long drop = Math.min(count, discarding);
            read.position(read.position() + (int) drop);
            discarding -= drop;
            count = read.remaining();
            if (count == 0) {
                return;
            }
        }
        if (length + count > buffer.length) {
            byte[] grown = new byte[Math.max(buffer.length * 2, length + count)];
            System.arraycopy(buffer, 0, grown, 0, length);
            buffer = grown;
        }
        read.get(buffer, length, count);
        length += count;
    }

    /** Whether the client asked for {@code 100 Continue} before sending its body, and has not been sent it yet. */
    boolean wantsContinue() {
        return bodyStart >= 0 && expectContinue && !continueSent && length == bodyStart && contentLength > 0;
    }

    void continueSent() {
        continueSent = true;
    }

    /** The next request if it is complete, a refusal, or null while more bytes are needed. */
    Outcome next() {
        if (discarding > 0) {
            return null;
        }
        if (discarding == 0) {
            discarding = -1;
            return new Refused(413, "body too large", keepAlive);
        }
        if (bodyStart < 0) {
            int end = headEnd();
            if (end < 0) {
                return length > MAX_HEAD_BYTES ? new Refused(431, "request head too large", false) : null;
            }
            Refused refused = head(end);
            if (refused != null) {
                return refused;
            }
        }
        if (contentLength > maxBody) {
            return overLimit();
        }
        if (length - bodyStart < contentLength) {
            return null;
        }
        int bodyEnd = bodyStart + (int) contentLength;
        byte[] body = new byte[(int) contentLength];
        System.arraycopy(buffer, bodyStart, body, 0, body.length);
        Complete complete = new Complete(method, target, headers, body, keepAlive);
        consume(bodyEnd);
        return complete;
    }

    private Refused overLimit() {
        if (contentLength > swallowBody) {
            return new Refused(413, "body too large", false);
        }
        long buffered = length - bodyStart;
        if (buffered >= contentLength) {
            consume(bodyStart + (int) contentLength);
            return new Refused(413, "body too large", keepAlive);
        }
        discarding = contentLength - buffered;
        consume(length);
        return null;
    }

    /** Drops the bytes of the request just read; what follows (a pipelined request) stays. */
    private void consume(int upTo) {
        System.arraycopy(buffer, upTo, buffer, 0, length - upTo);
        length -= upTo;
        bodyStart = -1;
        contentLength = 0;
        expectContinue = false;
        continueSent = false;
        headers = null;
    }

    private int headEnd() {
        for (int i = 3; i < Math.min(length, MAX_HEAD_BYTES + 4); i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Reads the request line and headers ending at {@code end}; a refusal if they are not acceptable. */
    private Refused head(int end) {
        String head = new String(buffer, 0, end - 4, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !token(requestLine[0]) || requestLine[1].isEmpty()) {
            return new Refused(400, "bad request line", false);
        }
        String version = requestLine[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            return new Refused(505, "HTTP/1.1 only", false);
        }
        if (lines.length - 1 > MAX_HEADERS) {
            return new Refused(431, "too many headers", false);
        }
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String length = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon))) {
                return new Refused(400, "bad header line", false);
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                if (length != null && !length.equals(value)) {
                    return new Refused(400, "conflicting Content-Length", false);
                }
                length = value;
            }
            fields.putIfAbsent(name, value);
        }
        if (fields.containsKey("Transfer-Encoding")) {
            return new Refused(411, "send the body with a Content-Length", false);
        }
        long declared = 0;
        if (length != null) {
            if (length.isEmpty() || length.length() > 18 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new Refused(400, "bad Content-Length", false);
            }
            declared = Long.parseLong(length);
        }
        String connection = fields.getOrDefault("Connection", "").toLowerCase(Locale.ROOT);
        this.keepAlive = version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        this.method = requestLine[0];
        this.target = requestLine[1];
        this.headers = fields;
        this.contentLength = declared;
        this.expectContinue = fields.getOrDefault("Expect", "").equalsIgnoreCase("100-continue");
        this.bodyStart = end;
        return null;
    }

    private static boolean token(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return !text.isEmpty();
    }
}
