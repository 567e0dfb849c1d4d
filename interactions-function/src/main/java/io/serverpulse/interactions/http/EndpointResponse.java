package io.serverpulse.interactions.http;

import io.serverpulse.common.discord.rest.MultipartForm;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the endpoint answers: a status, headers and a body. JSON answers are UTF-8 text; a multipart
 * answer (an interaction response with files) is binary, which a Lambda transport sends base64-encoded.
 */
public final class EndpointResponse {

    public static final String CONTENT_TYPE = "Content-Type";
    public static final String JSON = "application/json";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    public EndpointResponse(int status, Map<String, String> headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    /** A JSON body with this status. */
    public static EndpointResponse json(int status, String json) {
        return new EndpointResponse(status, Map.of(CONTENT_TYPE, JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart/form-data body (200). */
    public static EndpointResponse multipart(MultipartForm form) {
        return new EndpointResponse(200, Map.of(CONTENT_TYPE, form.contentType()), form.bytes());
    }

    /** A small JSON error body: {@code {"error": message}} (written by hand: a refusal needs no JSON library). */
    public static EndpointResponse error(int status, String message) {
        StringBuilder json = new StringBuilder(message.length() + 16).append("{\"error\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json(status, json.append("\"}").toString());
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String contentType() {
        return headers.getOrDefault(CONTENT_TYPE, "");
    }

    public byte[] body() {
        return body.clone();
    }

    /** Whether the body is text (JSON) rather than binary (multipart with files). */
    public boolean isText() {
        return contentType().toLowerCase(Locale.ROOT).startsWith(JSON);
    }

    /** The body as UTF-8 text (for JSON answers). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EndpointResponse[" + status + ", " + contentType() + ", " + body.length + " bytes]";
    }
}
