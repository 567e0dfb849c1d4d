package io.serverpulse.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.serverpulse.emulator.spec.SpecValidator;

import java.util.Objects;
import java.util.Optional;

/**
 * The REST pipeline's check against Discord's own OpenAPI description: every request body (or a
 * multipart request's {@code payload_json}) is validated against its operation's schema by a
 * {@link SpecValidator}, with its named leniencies and Discord's stricter bot limits. A body Discord
 * would reject gets 400 with Discord's 50035 (or 50109) body. Routes the spec does not describe,
 * and every route when the spec file is absent (the validator then printed its one SKIPPED line),
 * pass through to the other validators.
 */
public final class SpecBodyValidator implements RequestBodyValidator {

    private static final String API_PREFIX = "/api/v10";

    private final SpecValidator spec;

    public SpecBodyValidator(SpecValidator spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The validator this adapter asks. */
    public SpecValidator spec() {
        return spec;
    }

    @Override
    public Optional<ErrorBody> validate(String method, String path, JsonNode body) {
        return answer(spec.validate(method, API_PREFIX + path, body));
    }

    @Override
    public Optional<ErrorBody> validateMultipart(String method, String path, JsonNode payloadJson) {
        return answer(spec.validateMultipartPayload(method, API_PREFIX + path, payloadJson));
    }

    private static Optional<ErrorBody> answer(SpecValidator.Result result) {
        if (!result.rejected()) {
            return Optional.empty();
        }
        return result.errorBody().map(body -> new ErrorBody(result.httpStatus(), (ObjectNode) body));
    }
}
