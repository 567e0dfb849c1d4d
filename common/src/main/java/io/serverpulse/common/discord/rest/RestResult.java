package io.serverpulse.common.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Discord's answer to a {@link RestCall}, after rate-limit waits and retries.
 *
 * @param status   the HTTP status of the last attempt
 * @param body     its body as text
 * @param headers  its headers (names lower-case)
 * @param attempts how many requests were sent
 */
public record RestResult(int status, String body, Map<String, List<String>> headers, int attempts) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RestResult {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as JSON, if it is JSON. */
    public Optional<JsonNode> json() {
        try {
            return Optional.ofNullable(MAPPER.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Discord's JSON error code ({@code code}, e.g. 10015 Unknown Webhook), or 0. */
    public int errorCode() {
        return json().map(node -> node.path("code").asInt(0)).orElse(0);
    }

    /** Discord's error message ({@code message}), or empty. Error bodies name fields, never content. */
    public String errorMessage() {
        return json().map(node -> node.path("message").asText("")).orElse("");
    }

    @Override
    public String toString() {
        return "RestResult[" + status + ", attempts=" + attempts + "]";
    }
}
