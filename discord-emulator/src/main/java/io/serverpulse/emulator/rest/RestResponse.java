package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.state.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer: status, content type and body (null for 204). */
public record RestResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public RestResponse {
        headers = Map.copyOf(headers);
    }

    public static RestResponse json(int status, JsonNode json) {
        return new RestResponse(status, "application/json", Json.write(json).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static RestResponse ok(JsonNode json) {
        return json(200, json);
    }

    public static RestResponse noContent() {
        return new RestResponse(204, null, null, Map.of());
    }

    public static RestResponse bytes(String contentType, byte[] body) {
        return new RestResponse(200, contentType, body.clone(), Map.of());
    }

    public static RestResponse error(ErrorBody error) {
        return json(error.status(), error.body());
    }
}
