package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Checks a request body before its route handles it. {@code path} is the request path after
 * {@code /api/v10} (e.g. {@code /channels/123/messages}); {@code body} is the JSON body, or the
 * {@code payload_json} part of a multipart body ({@code {}} when there is none). An error answer
 * refuses the request; empty lets it through.
 */
@FunctionalInterface
public interface RequestBodyValidator {

    Optional<ErrorBody> validate(String method, String path, JsonNode body);
}
