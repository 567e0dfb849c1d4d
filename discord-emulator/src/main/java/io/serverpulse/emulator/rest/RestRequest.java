package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.serverpulse.emulator.state.Json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed REST request: {@code path} is after {@code /api/v10}; {@code body} is the JSON body or
 * a multipart body's {@code payload_json} ({@code {}} when neither); {@code files} are the
 * multipart file parts ({@code files[n]}).
 */
public record RestRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                          JsonNode body, List<MultipartParser.Part> files) {

    public RestRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? Json.object() : body;
        files = List.copyOf(files);
    }

    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter " + name);
        }
        return value;
    }

    /** A snowflake path parameter; a malformed one answers like an unknown id would (404 with {@code unknown}). */
    public long snowflake(String name, ErrorBody unknown) {
        try {
            return Long.parseUnsignedLong(param(name));
        } catch (NumberFormatException e) {
            throw new DiscordException(unknown);
        }
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public boolean queryFlag(String name) {
        return queryParam(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }
}
