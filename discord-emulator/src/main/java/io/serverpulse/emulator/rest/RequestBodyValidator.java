package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Checks a request body before its route handles it. {@code path} is the request path after
 * {@code /api/v10} (e.g. {@code /channels/123/messages}); {@code body} is the JSON body, or a
 * missing node ({@link JsonNode#isMissingNode()}) when the request has none. An error answer
 * refuses the request; empty lets it through.
 */
@FunctionalInterface
public interface RequestBodyValidator {

    Optional<ErrorBody> validate(String method, String path, JsonNode body);

    /**
     * Checks the {@code payload_json} part of a {@code multipart/form-data} request ({@code {}} when
     * the form has files but no payload). By default the same check as a JSON body.
     */
    default Optional<ErrorBody> validateMultipart(String method, String path, JsonNode payloadJson) {
        return validate(method, path, payloadJson);
    }
}
