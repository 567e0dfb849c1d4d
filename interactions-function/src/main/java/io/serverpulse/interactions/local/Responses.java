package io.serverpulse.interactions.local;

import io.serverpulse.interactions.http.EndpointResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** An {@link EndpointResponse} as HTTP/1.1 bytes: status line, headers (Date, Content-Length, Connection), body. */
final class Responses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(405, "Method Not Allowed"), Map.entry(411, "Length Required"),
            Map.entry(413, "Content Too Large"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private static volatile long dateSecond = -1;
    private static volatile String date = "";

    private Responses() {
    }

    static ByteBuffer encode(EndpointResponse response, boolean keepAlive, boolean head) {
        byte[] body = response.body();
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(REASONS.getOrDefault(response.status(), "Status")).append("\r\n");
        response.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Date: ").append(date()).append("\r\n");
        text.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        byte[] headBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(headBytes.length + (head ? 0 : body.length));
        out.put(headBytes);
        if (!head) {
            out.put(body);
        }
        return out.flip();
    }

    /** RFC 1123, cached for the second. */
    private static String date() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            dateSecond = second;
        }
        return date;
    }
}
